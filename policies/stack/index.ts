// The cross-resource rules (AnalyzeStack), in the order they are listed. Their files are named
// after the full rule id; a meta test fails when a rule file is missing here.
import type { Rule } from "../../core/rule";
import { awsSnapshotsFromEncryptedSources } from "./aws-snapshots-from-encrypted-sources";

export const stackRules: readonly Rule[] = [
    awsSnapshotsFromEncryptedSources,
];
