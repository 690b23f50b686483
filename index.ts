// The pack entry point the Pulumi CLI loads (compiled to bin/index.js). Nothing may print to
// stdout here: the engine reads the analyzer's port from the first stdout line.
import { PolicyPack } from "@pulumi/policy";
import { interceptConfigure } from "./core/configure-hook";
import { formerIdPolicies } from "./core/former-ids";
import { lightenStackRequests } from "./core/light-stack-request";
import { stackReadsProperties } from "./core/stack-scope";
import { shareDeserializedProperties } from "./core/sdk-tuning";
import { allRules } from "./policies";
import { snapshotGuardPolicies } from "./rules";

shareDeserializedProperties();
lightenStackRequests(stackReadsProperties(allRules));
interceptConfigure(allRules);
new PolicyPack("snapshot-guard", { policies: [...snapshotGuardPolicies(), ...formerIdPolicies(allRules)] });
