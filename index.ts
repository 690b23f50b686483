// The pack entry point the Pulumi CLI loads (compiled to bin/index.js). Nothing may print to
// stdout here: the engine reads the analyzer's port from the first stdout line.
import { PolicyPack } from "@pulumi/policy";
import { toPolicies } from "./core/adapter";
import { shareDeserializedProperties } from "./core/sdk-tuning";
import { allRules } from "./policies";

shareDeserializedProperties();
new PolicyPack("snapshot-guard", { policies: toPolicies(allRules) });
