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
        assert.strictEqual(resources.length, 2);
        assert.strictEqual(rest.length, 0);
        assert.throws(() => splitStackRequest(Uint8Array.from([0x0a, 0x05, 0x01])), /truncated/);
    });

    it("every getter the SDK calls answers as the generated message does", () => {
        assert.strictEqual(lightenStackRequests(), true);
        const light = AnalyzerService.analyzeStack.requestDeserialize(requestBytes());
        const reference = analyzerPb.AnalyzeStackRequest.deserializeBinary(new Uint8Array(requestBytes()));
        assert.notStrictEqual(AnalyzerService.analyzeStack.requestDeserialize, original);
        assert.deepStrictEqual(light.getResourcesList().map(view), reference.getResourcesList().map(view));
        // The Struct stand-in is stable, so the shared decoding (sdk-tuning) decodes each resource once.
        const [first] = light.getResourcesList();
        assert.strictEqual(first.getProperties(), first.getProperties());
        assert.strictEqual(first.getProvider().getProperties(), first.getProvider().getProperties());
    });

    it("bytes it cannot split go to the original decoder", () => {
        lightenStackRequests();
        // A group (wire type 3) is valid protobuf the splitter does not handle.
        assert.throws(() => AnalyzerService.analyzeStack.requestDeserialize(Buffer.from([0x0b, 0x0c])), (error: Error) => !/unsupported wire type/.test(error.message));
        assert.strictEqual(lightenStackRequests(), true, "installing twice is harmless");
    });
});
