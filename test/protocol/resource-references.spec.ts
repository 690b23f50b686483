// Resource references in property bags. The engine never sends them to analyzers (it marshals
// properties without KeepResources, so a reference arrives as its id or URN: see core/wire
// referenceAsEngineSends), but a stack export holds them and another client may send them: every
// RPC must still answer, and the rules see what the engine would have sent.
import * as assert from "assert";
import { readStackExport } from "../../cli/stack-export";
import { RESOURCE_REFERENCE_SIGNATURE, SECRET_SIGNATURE_KEY } from "../../core/wire";
import { of, reasonOf, resource, show, useCompiledPack } from "./pack";

const DISK = "azure-native:compute:Disk";
const reference = (urn: string, id?: string) => ({ [SECRET_SIGNATURE_KEY]: RESOURCE_REFERENCE_SIGNATURE, urn, ...(id === undefined ? {} : { id }) });
const ACCESS_URN = "urn:pulumi:dev::shop::azure-native:compute:DiskAccess::access";

describe("protocol: resource references in property bags", function () {
    this.timeout(60_000);
    const pack = useCompiledPack();

    it("Analyze answers, reading a reference as its id", async () => {
        await pack().configure({});
        const result = await pack().analyze(resource(DISK, "d", {
            networkAccessPolicy: "AllowPrivate", publicNetworkAccess: "Disabled",
            diskAccessId: reference(ACCESS_URN, "/subscriptions/s/diskAccesses/access"),
            tags: { owner: reference("urn:pulumi:dev::shop::my:component:Thing::c") },
        }));
        assert.deepStrictEqual(of(result, "azure-disks-not-exportable"), [], show(result));
        assert.ok(!JSON.stringify(result).includes("Unrecognized signature"), show(result));
    });

    it("Analyze answers for a reference with an unknown signature or a malformed asset", async () => {
        await pack().configure({});
        const result = await pack().analyze(resource(DISK, "d", {
            networkAccessPolicy: { [SECRET_SIGNATURE_KEY]: "ffffffffffffffffffffffffffffffff", x: 1 },
            creationData: { [SECRET_SIGNATURE_KEY]: "c44067f5952c0a294b673a41bacd8c17" },
        }));
        assert.match(reasonOf(result, "azure-disks-not-exportable") ?? "", /deferred until deploy: networkAccessPolicy/);
    });

    it("Remediate answers and keeps the reference out of the fixed properties' way", async () => {
        await pack().configure({ "azure-disks-not-exportable": "remediate" });
        const result = await pack().remediate(resource(DISK, "d", {
            networkAccessPolicy: "AllowAll", diskAccessId: reference(ACCESS_URN),
        }));
        const fixed = result.remediations.find((entry) => entry.policyName === "azure-disks-not-exportable");
        assert.strictEqual(fixed?.properties?.networkAccessPolicy, "DenyAll", show(result));
        assert.strictEqual(fixed?.properties?.diskAccessId, ACCESS_URN, "a reference without an id is sent as its URN, as the engine does");
    });

    it("AnalyzeStack answers with a component resource whose input is a reference", async () => {
        await pack().configure({});
        const result = await pack().analyzeStack([
            { ...resource("my:component:Thing", "c", { disk: reference("urn:pulumi:dev::shop::azure-native:compute:Disk::d", "disk-id") }) },
            { ...resource(DISK, "d", { networkAccessPolicy: "DenyAll" }) },
        ]);
        assert.ok(Array.isArray(result.diagnostics), show(result));
    });

    it("scan's export reader turns references into what the engine sends", () => {
        const input = readStackExport(JSON.stringify({ deployment: { resources: [{
            urn: "urn:pulumi:dev::shop::my:component:Thing::c", type: "my:component:Thing", custom: false,
            inputs: { disk: reference("urn:pulumi:dev::shop::azure-native:compute:Disk::d", "disk-id"), parent: reference("urn:pulumi:dev::shop::my:component:Thing::p") },
        }] } }), "x");
        assert.deepStrictEqual(input.resources[0].inputs, { disk: "disk-id", parent: "urn:pulumi:dev::shop::my:component:Thing::p" });
    });
});
