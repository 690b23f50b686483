// Memory tuning of the policy SDK's AnalyzeStack, applied once by index.ts before the analyzer
// server starts.
//
// gRPC decodes an AnalyzeStack request into google-protobuf objects for every resource of the
// stack, about 22 times the request's size (880 MB for 100,000 resources), and the SDK keeps them
// for the whole call while it runs each stack policy. Here the request is split into its
// resources' bytes instead, and each resource is decoded into the plain values the SDK reads (its
// links decide which resources the policies see), the protobuf objects dropped. Properties are handed over once (the
// shared decoding of core/sdk-tuning.ts keeps the SDK's copy) and decoded again from the bytes only
// if asked twice. The stack policies get only the resources they can see (core/stack-scope.ts: the
// types the rules declare they read, and without properties the resources those name); the SDK
// builds a view of every resource it is given for every stack policy. Every getter the SDK calls answers
// as the generated message would. If the SDK's or the protobuf code's shape is not the expected
// one, or a request does not parse, the original decoding is used.
import * as path from "path";
import { visibleToStackRules } from "./stack-scope";

interface Message {
    serializeBinary(): Uint8Array;
}
interface ProviderStandIn {
    getType(): string; getName(): string; getUrn(): string; getProperties(): { toJavaScript(): unknown } | undefined;
}
interface ProviderMessage extends ProviderStandIn, Message {}
interface ResourceMessage {
    getType(): string;
    getName(): string;
    getUrn(): string;
    getParent(): string;
    getProperties(): { toJavaScript(): unknown } | undefined;
    getOptions(): Message | undefined;
    getProvider(): ProviderMessage | undefined;
    getDependenciesList(): string[];
    getPropertydependenciesMap(): { entries(): Iterable<[string, { getUrnsList(): string[] }]> };
}
interface MessageClass<T> {
    deserializeBinary(bytes: Uint8Array): T;
}
interface MethodDefinition {
    requestDeserialize: ((buffer: Buffer) => unknown) & { [lightened]?: true };
}

const lightened = Symbol.for("snapshot-guard.lightStackRequest");

/** Which resources' properties the pack's stack policies read (set by the latest install). */
let readsProperties: (type: string) => boolean = () => true;

/** A stand-in for a Struct: the SDK only calls toJavaScript on it (via deserializeProperties). */
function struct(value: unknown): { toJavaScript(): unknown } {
    return { toJavaScript: () => value };
}

const EMPTY = struct({});

/** A Struct stand-in that hands its first decoding over and decodes again from `decode` when asked again. */
function handOverStruct(first: unknown, decode: () => unknown): { toJavaScript(): unknown } {
    let pending: unknown = first;
    let handed = false;
    return {
        toJavaScript: () => {
            if (handed) return decode();
            handed = true;
            const value = pending;
            pending = undefined;
            return value;
        },
    };
}

/** A resource's property dependencies as the SDK reads them (the generated map's entries and getters). */
class PropertyDependencies extends Map<string, { getUrnsList(): string[] }> {
    getLength(): number {
        return this.size;
    }
}

const NO_PROPERTY_DEPENDENCIES = new PropertyDependencies();

function urnList(urns: string[]): { getUrnsList(): string[] } {
    return { getUrnsList: () => urns };
}

/**
 * What the resources of one request share: one options message per distinct options (most
 * resources have the defaults) and one provider stand-in per distinct provider. The SDK only reads them.
 */
class SharedParts {
    private readonly options = new Map<string, unknown>();
    private readonly providers = new Map<string, ProviderStandIn>();

    option(message: Message | undefined): unknown {
        return message && SharedParts.byBytes(this.options, message, () => message);
    }

    provider(message: ProviderMessage | undefined): ProviderStandIn | undefined {
        return message && SharedParts.byBytes(this.providers, message, () => {
            const type = message.getType(), name = message.getName(), urn = message.getUrn();
            const raw = message.getProperties();
            const properties = raw ? struct(raw.toJavaScript()) : undefined;
            return { getType: () => type, getName: () => name, getUrn: () => urn, getProperties: () => properties };
        });
    }

    /** The value kept for messages with the same bytes, made by `create` for the first of them. */
    private static byBytes<T>(kept: Map<string, T>, message: Message, create: () => T): T {
        const key = Buffer.from(message.serializeBinary()).toString("latin1");
        let value = kept.get(key);
        if (value === undefined) {
            value = create();
            kept.set(key, value);
        }
        return value;
    }
}

/** One resource of the request as plain values; its properties are read from the bytes again only if asked twice. */
class LightResource {
    private readonly type: string;
    private readonly name: string;
    private readonly urn: string;
    private readonly parent: string;
    private readonly dependencies: string[];
    private readonly properties: { toJavaScript(): unknown } | undefined;
    private readonly options: unknown;
    private readonly provider: ProviderStandIn | undefined;
    private readonly propertyDependencies = NO_PROPERTY_DEPENDENCIES;

    constructor(bytes: Uint8Array, resourceClass: MessageClass<ResourceMessage>, shared: SharedParts) {
        const message = resourceClass.deserializeBinary(bytes);
        this.type = message.getType();
        this.name = message.getName();
        this.urn = message.getUrn();
        this.parent = message.getParent();
        this.dependencies = message.getDependenciesList();
        if (!readsProperties(this.type)) {
            this.properties = EMPTY;
        } else {
            const raw = message.getProperties();
            this.properties = raw && handOverStruct(raw.toJavaScript(), () => resourceClass.deserializeBinary(bytes).getProperties()?.toJavaScript());
        }
        this.options = shared.option(message.getOptions());
        this.provider = shared.provider(message.getProvider());
        for (const [key, value] of message.getPropertydependenciesMap().entries()) {
            if (this.propertyDependencies === NO_PROPERTY_DEPENDENCIES) this.propertyDependencies = new PropertyDependencies();
            this.propertyDependencies.set(key, urnList(value.getUrnsList()));
        }
    }

    getType() { return this.type; }
    getName() { return this.name; }
    getUrn() { return this.urn; }
    getParent() { return this.parent; }
    getDependenciesList() { return this.dependencies; }
    getProperties() { return this.properties; }
    getOptions() { return this.options; }
    getProvider() { return this.provider; }
    getPropertydependenciesMap() { return this.propertyDependencies; }
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

/**
 * Installs the light decoding on the AnalyzeStack method the policy SDK's server registers;
 * `readsProperties` says which resources' properties any of the pack's stack policies reads.
 */
export function lightenStackRequests(reads: (type: string) => boolean): boolean {
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
    readsProperties = reads;
    const method = service?.analyzeStack;
    const { AnalyzeStackRequest, AnalyzerResource } = analyzerPb;
    if (!method || typeof method.requestDeserialize !== "function" || !AnalyzeStackRequest || !AnalyzerResource) return false;
    if (method.requestDeserialize[lightened]) return true;
    const original = method.requestDeserialize;
    const light: MethodDefinition["requestDeserialize"] = (buffer: Buffer) => {
        let request: ReturnType<typeof AnalyzeStackRequest.deserializeBinary>;
        let resources: LightResource[];
        try {
            // A copy: the resources' bytes outlive the call that hands over the buffer.
            const parts = splitStackRequest(new Uint8Array(buffer));
            request = AnalyzeStackRequest.deserializeBinary(parts.rest);
            const shared = new SharedParts();
            resources = visibleToStackRules(parts.resources.map((bytes) => new LightResource(bytes, AnalyzerResource, shared)), (resource) => ({
                type: resource.getType(), urn: resource.getUrn(), parent: resource.getParent(), dependencies: resource.getDependenciesList(),
                propertyDependencies: [...resource.getPropertydependenciesMap().values()].map((urns) => urns.getUrnsList()),
            }), readsProperties);
        } catch {
            // Bytes this reading does not take (or a resource that does not decode): the SDK's own
            // decoding answers, or fails the call, exactly as without this module.
            return original(buffer);
        }
        request.getResourcesList = () => resources;
        return request;
    };
    light[lightened] = true;
    method.requestDeserialize = light;
    return true;
}
