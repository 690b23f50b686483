// The light AnalyzeStack decoding answers every getter the policy SDK calls exactly as the
// generated message does, and falls back to the original decoding on bytes it cannot split.
import * as assert from "assert";
import { StackRequest } from "../../cli/analyzer-client";
import { lightenStackRequests, splitStackRequest } from "../../core/light-stack-request";
import { secret, UNKNOWN_SENTINEL } from "../../core/wire";

const analyzerPb = require("@pulumi/pulumi/proto/analyzer_pb");
const { AnalyzerService } = require("@pulumi/pulumi/proto/analyzer_grpc_pb");

function requestBytes(): Buffer {
    const request = new StackRequest();
    request.add({
        type: "aws:ebs/volume:Volume", name: "data", urn: "urn:pulumi:dev::p::aws:ebs/volume:Volume::data",
        properties: { encrypted: false, size: 8, tags: { team: "data" }, kmsKeyId: UNKNOWN_SENTINEL, password: secret("s3cret"), list: [1, "a", null] },
        provider: { urn: "urn:pulumi:dev::p::pulumi:providers:aws::default", type: "pulumi:providers:aws", name: "default", properties: { region: "eu-west-1" } },
        parent: "urn:pulumi:dev::p::my:Component::c", protect: true,
        dependencies: ["urn:pulumi:dev::p::aws:kms/key:Key::k"], propertyDependencies: { kmsKeyId: ["urn:pulumi:dev::p::aws:kms/key:Key::k"] },
    });
    request.add({ type: "aws:ebs/snapshot:Snapshot", name: "copy", urn: "urn:pulumi:dev::p::aws:ebs/snapshot:Snapshot::copy", properties: {} });
    request.add({
        type: "aws:ebs/snapshot:Snapshot", name: "other", urn: "urn:pulumi:dev::p::aws:ebs/snapshot:Snapshot::other", properties: { volumeId: "vol-1" },
        propertyDependencies: { volumeId: ["urn:pulumi:dev::p::aws:ebs/volume:Volume::data"] },
        provider: { urn: "urn:pulumi:dev::p::pulumi:providers:aws::default", type: "pulumi:providers:aws", name: "default", properties: { region: "eu-west-1" } },
    });
    return Buffer.from(request.encode());
}

/** What the SDK reads from a resource (server.js analyzeStack, getResourceOptions, getProviderResource, getPropertyDependencies). */
function view(resource: any) {
    const options = resource.getOptions();
    const provider = resource.getProvider();
    return {
        type: resource.getType(), name: resource.getName(), urn: resource.getUrn(), parent: resource.getParent(),
        dependencies: resource.getDependenciesList(),
        properties: resource.getProperties()?.toJavaScript(),
        options: { protect: options.getProtect(), parent: options.getParent(), ignoreChanges: options.getIgnorechangesList() },
        provider: provider && { type: provider.getType(), name: provider.getName(), urn: provider.getUrn(), properties: provider.getProperties()?.toJavaScript() },
        propertyDependencies: [...resource.getPropertydependenciesMap().entries()].map(([key, value]: [string, any]) => [key, value.getUrnsList()]),
    };
}

describe("core: light AnalyzeStack decoding", () => {
    const original = AnalyzerService.analyzeStack.requestDeserialize;

    it("splits a request into its resources' bytes", () => {
        const { resources, rest } = splitStackRequest(requestBytes());
        assert.strictEqual(resources.length, 3);
        assert.strictEqual(rest.length, 0);
        assert.throws(() => splitStackRequest(Uint8Array.from([0x0a, 0x05, 0x01])), /truncated/);
    });

    it("every getter the SDK calls answers as the generated message does", () => {
        assert.strictEqual(lightenStackRequests(() => true), true);
        const light = AnalyzerService.analyzeStack.requestDeserialize(requestBytes());
        const reference = analyzerPb.AnalyzeStackRequest.deserializeBinary(new Uint8Array(requestBytes()));
        assert.notStrictEqual(AnalyzerService.analyzeStack.requestDeserialize, original);
        assert.deepStrictEqual(light.getResourcesList().map(view), reference.getResourcesList().map(view));
        // The Struct stand-in is stable, so the shared decoding (sdk-tuning) decodes each resource once.
        const [first] = light.getResourcesList();
        assert.strictEqual(first.getProperties(), first.getProperties());
        assert.strictEqual(first.getProvider().getProperties(), first.getProvider().getProperties());
    });

    it("resources share one provider stand-in and one options message per distinct value", () => {
        lightenStackRequests(() => true);
        const [volume, copy, other] = AnalyzerService.analyzeStack.requestDeserialize(requestBytes()).getResourcesList();
        assert.strictEqual(volume.getProvider(), other.getProvider());
        assert.strictEqual(copy.getProvider(), undefined);
        assert.strictEqual(copy.getOptions(), other.getOptions(), "default options are one object");
        assert.notStrictEqual(volume.getOptions(), copy.getOptions(), "protect: true differs");
        assert.strictEqual(copy.getPropertydependenciesMap().getLength(), 0);
    });

    it("hands the properties over once and decodes them again when asked twice", () => {
        lightenStackRequests(() => true);
        const [first] = AnalyzerService.analyzeStack.requestDeserialize(requestBytes()).getResourcesList();
        const struct = first.getProperties();
        const handed = struct.toJavaScript();
        const again = struct.toJavaScript();
        assert.notStrictEqual(again, handed, "the first decoding is not kept");
        assert.deepStrictEqual(again, handed);
    });

    it("gives the stack policies the resources of the types they read, and without properties those these name", () => {
        const reference = analyzerPb.AnalyzeStackRequest.deserializeBinary(new Uint8Array(requestBytes())).getResourcesList().map(view);
        const decode = (reads: (type: string) => boolean) => {
            lightenStackRequests(reads);
            return AnalyzerService.analyzeStack.requestDeserialize(requestBytes()).getResourcesList().map(view);
        };
        try {
            const snapshotsRead = decode((type) => type === "aws:ebs/snapshot:Snapshot");
            assert.deepStrictEqual(snapshotsRead.map((resource: any) => resource.name), ["data", "copy", "other"], "the volume is named by a snapshot");
            assert.deepStrictEqual(snapshotsRead[0].properties, {});
            assert.deepStrictEqual({ ...snapshotsRead[0], properties: reference[0].properties }, reference[0]);
            assert.deepStrictEqual(snapshotsRead.slice(1), reference.slice(1));
            assert.deepStrictEqual(decode((type) => type === "aws:ebs/volume:Volume"), [reference[0]], "no snapshot is named by the volume");
            assert.deepStrictEqual(decode(() => false), []);
        } finally {
            lightenStackRequests(() => true);
        }
    });

    it("bytes it cannot split go to the original decoder", () => {
        lightenStackRequests(() => true);
        // A group (wire type 3) is valid protobuf the splitter does not handle.
        assert.throws(() => AnalyzerService.analyzeStack.requestDeserialize(Buffer.from([0x0b, 0x0c])), (error: Error) => !/unsupported wire type/.test(error.message));
        assert.strictEqual(lightenStackRequests(() => true), true, "installing twice is harmless");
    });

    it("a resource that splits but does not decode fails as the SDK's own decoding fails", () => {
        lightenStackRequests(() => true);
        // Field 1 holding a resource whose only field is a truncated string.
        const bytes = Buffer.from([0x0a, 0x03, 0x0a, 0x05, 0x61]);
        let expected: Error | undefined;
        try {
            analyzerPb.AnalyzeStackRequest.deserializeBinary(new Uint8Array(bytes));
        } catch (error) {
            expected = error as Error;
        }
        assert.ok(expected, "the generated decoder refuses these bytes");
        assert.throws(() => AnalyzerService.analyzeStack.requestDeserialize(bytes), (error: Error) => error.message === expected!.message);
    });
});
