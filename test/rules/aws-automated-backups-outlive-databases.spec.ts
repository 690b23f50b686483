import { automatedBackupsOutliveDatabases } from "../../policies/aws/automated-backups-outlive-databases";
import { describeRule, UNKNOWN } from "../harness";

for (const type of ["aws:rds/instance:Instance", "aws:rds/cluster:Cluster"]) {
    describeRule(automatedBackupsOutliveDatabases, type, [
        { name: "backups retained", props: { deleteAutomatedBackups: false }, expect: "pass" },
        { name: "deleteAutomatedBackups omitted: default true", props: {}, expect: "fail", paths: ["deleteAutomatedBackups"], message: /omitted means true/ },
        { name: "explicitly deleted", props: { deleteAutomatedBackups: true }, expect: "fail", paths: ["deleteAutomatedBackups"] },
        { name: "string \"false\"", props: { deleteAutomatedBackups: "false" }, expect: "pass" },
        { name: "unknown during preview", props: { deleteAutomatedBackups: UNKNOWN }, expect: "defer" },
        { name: "exempted", props: {}, config: { exemptions: [{ resource: "subject", reason: "scratch" }] }, expect: "exempt" },
    ]);
}

describeRule(automatedBackupsOutliveDatabases, "aws-native:rds:DbInstance", [
    { name: "kept", props: { engine: "postgres", deleteAutomatedBackups: false }, expect: "pass" },
    { name: "deleteAutomatedBackups omitted: CloudFormation deletes them", props: { engine: "postgres" }, expect: "fail", paths: ["deleteAutomatedBackups"], message: /omitted means true.*aws-native\.rds\.DbInstance/ },
    { name: "Aurora instance follows its cluster", props: { engine: "aurora-postgresql", dbClusterIdentifier: "c" }, expect: "pass" },
    { name: "unknown during preview", props: { deleteAutomatedBackups: UNKNOWN }, expect: "defer" },
]);

describeRule(automatedBackupsOutliveDatabases, "aws-native:rds:DbCluster", [
    { name: "kept", props: { engine: "aurora-postgresql", deleteAutomatedBackups: false }, expect: "pass" },
    { name: "deleteAutomatedBackups omitted", props: { engine: "aurora-postgresql" }, expect: "fail", paths: ["deleteAutomatedBackups"] },
    { name: "deleted explicitly", props: { deleteAutomatedBackups: true }, expect: "fail", paths: ["deleteAutomatedBackups"] },
    { name: "unknown during preview", props: { deleteAutomatedBackups: UNKNOWN }, expect: "defer" },
]);
