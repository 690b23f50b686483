// Memory tuning of the policy SDK's AnalyzeStack, applied once by index.ts before the analyzer
// server starts.
//
// gRPC decodes an AnalyzeStack request into google-protobuf objects for every resource of the
// stack, about 22 times the request's size (880 MB for 100,000 resources), and the SDK keeps them
// for the whole call while it runs each stack policy. Here the request is split into its
// resources' bytes instead, and each resource is decoded when the SDK first reads it: the plain
// values it needs are kept, the protobuf objects are dropped. Every getter the SDK calls answers as
// the generated message would. If the SDK's or the protobuf code's shape is not the expected one,
// or a request does not parse, the original decoding is used.
import * as path from "path";

interface Message {
    serializeBinary(): Uint8Array;
}
interface ResourceMessage {
    getType(): string;
    getName(): string;
    getUrn(): string;
    getParent(): string;
    getProperties(): { toJavaScript(): unknown } | undefined;
    getOptions(): unknown;
    getProvider(): { getType(): string; getName(): string; getUrn(): string; getProperties(): { toJavaScript(): unknown } | undefined } | undefined;
    getDependenciesList(): string[];
    getPropertydependenciesMap(): unknown;
}
interface MessageClass<T> {
    deserializeBinary(bytes: Uint8Array): T;
}
interface MethodDefinition {
    requestDeserialize: ((buffer: Buffer) => unknown) & { [lightened]?: true };
}

const lightened = Symbol.for("snapshot-guard.lightStackRequest");

/** A stand-in for a Struct: the SDK only calls toJavaScript on it (via deserializeProperties). */
function struct(value: unknown): { toJavaScript(): unknown } {
    return { toJavaScript: () => value };
}

/** One resource of the request, decoded on first use; only plain values are kept. */
class LightResource {
    private bytes: Uint8Array | undefined;
    private decoded!: {
        type: string; name: string; urn: string; parent: string; dependencies: string[];
        properties: { toJavaScript(): unknown } | undefined;
        options: unknown;
        provider: ReturnType<ResourceMessage["getProvider"]>;
        propertyDependencies: unknown;
    };

    constructor(bytes: Uint8Array, private readonly resourceClass: MessageClass<ResourceMessage>) {
        this.bytes = bytes;
    }

    private get value() {
        if (this.bytes !== undefined) {
            const message = this.resourceClass.deserializeBinary(this.bytes);
            this.bytes = undefined;
            const properties = message.getProperties();
            const provider = message.getProvider();
            const providerProperties = provider?.getProperties();
            this.decoded = {
                type: message.getType(), name: message.getName(), urn: message.getUrn(), parent: message.getParent(),
                dependencies: message.getDependenciesList(),
                properties: properties ? struct(properties.toJavaScript()) : undefined,
                options: message.getOptions(),
                provider: provider ? {
                    getType: () => provider.getType(), getName: () => provider.getName(), getUrn: () => provider.getUrn(),
                    getProperties: (() => {
                        const plain = providerProperties ? struct(providerProperties.toJavaScript()) : undefined;
                        return () => plain;
                    })(),
                } : undefined,
                propertyDependencies: message.getPropertydependenciesMap(),
            };
        }
        return this.decoded;
    }

    getType() { return this.value.type; }
    getName() { return this.value.name; }
    getUrn() { return this.value.urn; }
    getParent() { return this.value.parent; }
    getDependenciesList() { return this.value.dependencies; }
    getProperties() { return this.value.properties; }
    getOptions() { return this.value.options; }
    getProvider() { return this.value.provider; }
    getPropertydependenciesMap() { return this.value.propertyDependencies; }
}

function readVarint(bytes: Uint8Array, at: { offset: number }): number {
    let result = 0;
    for (let shift = 0; shift < 35; shift += 7) {
        if (at.offset >= bytes.length) throw new Error("truncated varint");
        const byte = bytes[at.offset++];
        result += (byte & 0x7f) * 2 ** shift;
        if ((byte & 0x80) === 0) return result;
    }
    throw new Error("varint too long");
}

/** Splits an AnalyzeStackRequest into its resources' bytes (field 1) and the bytes of every other field. */
export function splitStackRequest(bytes: Uint8Array): { resources: Uint8Array[]; rest: Uint8Array } {
    const resources: Uint8Array[] = [];
    const rest: Uint8Array[] = [];
    const at = { offset: 0 };
    while (at.offset < bytes.length) {
        const start = at.offset;
        const tag = readVarint(bytes, at);
        const wireType = tag % 8;
        if (wireType === 0) readVarint(bytes, at);
        else if (wireType === 1) at.offset += 8;
        else if (wireType === 5) at.offset += 4;
        else if (wireType === 2) {
            const length = readVarint(bytes, at);
            if (Math.floor(tag / 8) === 1) resources.push(bytes.subarray(at.offset, at.offset + length));
            at.offset += length;
        } else throw new Error(`unsupported wire type ${wireType}`);
        if (at.offset > bytes.length) throw new Error("truncated field");
        if (Math.floor(tag / 8) !== 1 || wireType !== 2) rest.push(bytes.subarray(start, at.offset));
    }
    return { resources, rest: Buffer.concat(rest) };
}

/** Installs the light decoding on the AnalyzeStack method the policy SDK's server registers. */
export function lightenStackRequests(): boolean {
    let service: Record<string, MethodDefinition | undefined>;
    let analyzerPb: { AnalyzeStackRequest?: MessageClass<Message & { getResourcesList(): unknown[] }>; AnalyzerResource?: MessageClass<ResourceMessage> };
    try {
        // The copy of @pulumi/pulumi that @pulumi/policy's server uses.
        const paths = [path.dirname(require.resolve("@pulumi/policy"))];
        service = require(require.resolve("@pulumi/pulumi/proto/analyzer_grpc_pb", { paths })).AnalyzerService;
        analyzerPb = require(require.resolve("@pulumi/pulumi/proto/analyzer_pb", { paths }));
    } catch {
        return false;
    }
    const method = service?.analyzeStack;
    const { AnalyzeStackRequest, AnalyzerResource } = analyzerPb;
    if (!method || typeof method.requestDeserialize !== "function" || !AnalyzeStackRequest || !AnalyzerResource) return false;
    if (method.requestDeserialize[lightened]) return true;
    const original = method.requestDeserialize;
    const light: MethodDefinition["requestDeserialize"] = (buffer: Buffer) => {
        let parts: ReturnType<typeof splitStackRequest>;
        try {
            // A copy: the resources' bytes outlive the call that hands over the buffer.
            parts = splitStackRequest(new Uint8Array(buffer));
        } catch {
            return original(buffer);
        }
        const request = AnalyzeStackRequest.deserializeBinary(parts.rest);
        const resources = parts.resources.map((bytes) => new LightResource(bytes, AnalyzerResource));
        request.getResourcesList = () => resources;
        return request;
    };
    light[lightened] = true;
    method.requestDeserialize = light;
    return true;
}
