// Data sources (invokes) of a recorded program: in a real preview they return real values; under
// the recorder nothing can be known, so every invoke returns a value that is unknown until deploy.
// Whatever a program does with it (property, index, call, iteration, string or JSON use) gives
// another unknown, and whatever reaches a resource input from it is sent as the engine's unknown,
// so rules defer on it exactly as they do on resource outputs during preview.
import { UNKNOWN_SENTINEL } from "../../core/wire";

const unknownValues = new WeakSet<object>();

export function isUnknownValue(value: unknown): boolean {
    return (typeof value === "function" || typeof value === "object") && value !== null && unknownValues.has(value);
}

// Names of the methods arrays, strings, numbers and objects have: what a program can call on data.
const methodNames = new Set<string | symbol>([Array.prototype, String.prototype, Number.prototype, Object.prototype]
    .flatMap((prototype) => Object.getOwnPropertyNames(prototype)
        .filter((name) => name !== "constructor" && typeof (prototype as unknown as Record<string, unknown>)[name] === "function")));

// Methods that call a callback per element: over an unknown list they call it once, with an
// unknown element, so resources declared per element are declared (as a for-of loop does).
const perElement = new Set<string | symbol>(["forEach", "map", "flatMap", "filter", "find", "findIndex", "findLast", "some", "every"]);

/**
 * A value that stands for anything: every use of it yields another one. Data is an object (so
 * @pulumi/pulumi serialises it as unknown: it drops functions); a method read from it is callable.
 */
export function unknownValue(): unknown {
    return unknownProxy({});
}

/**
 * The same, except that @pulumi/pulumi takes the value itself for known: held by an Output, it lets
 * `apply` callbacks run (as a data source with known arguments does in a real preview), while
 * everything read from it is unknown.
 */
export function unknownResult(): unknown {
    return unknownProxy({}, undefined, false);
}

function unknownProxy(target: object, method?: string | symbol, flagged = true): unknown {
    const proxy: object = new Proxy(target, {
        get(_target, key) {
            // @pulumi/pulumi recognises its own unknown by this flag (Unknown.isInstance), also
            // across SDK copies, and serialises it as the engine's unknown.
            if (key === "__pulumiUnknown") return flagged || undefined;
            // Not a promise (awaiting it must not hang), not an Output, resource or asset.
            if (key === "then" || (typeof key === "string" && key.startsWith("__pulumi"))) return undefined;
            if (key === Symbol.toPrimitive) return (hint: string) => (hint === "number" ? Number.NaN : UNKNOWN_SENTINEL);
            if (key === "toJSON" || key === "toString" || key === "valueOf") return () => UNKNOWN_SENTINEL;
            if (key === Symbol.iterator) {
                // One element: a loop over an unknown list declares its resources once.
                return function* () {
                    yield unknownValue();
                };
            }
            if (typeof key === "symbol") return undefined;
            return methodNames.has(key) ? unknownProxy(() => undefined, key) : unknownValue();
        },
        apply: (_target, _this, args: unknown[]) => {
            if (method !== undefined && perElement.has(method) && typeof args[0] === "function") args[0](unknownValue(), 0);
            return unknownValue();
        },
        has: (_target, key) => key !== "then",
        ownKeys: () => [],
        getOwnPropertyDescriptor: () => undefined,
        set: () => true,
        deleteProperty: () => true,
        defineProperty: () => true,
    });
    unknownValues.add(proxy);
    return proxy;
}

/** True when a string was built from an unknown value (template literal, concatenation, JSON). */
export function derivesFromUnknown(text: string): boolean {
    return text.includes(UNKNOWN_SENTINEL);
}

type Invoker = (...args: unknown[]) => unknown;

interface InvokeModule {
    invoke?: Invoker;
    invokeSingle?: Invoker;
    invokeOutput?: Invoker;
    invokeSingleOutput?: Invoker;
    call?: Invoker;
    callSingle?: Invoker;
}

/**
 * Replaces the invoke functions of the program's @pulumi/pulumi (runtime/invoke): provider SDKs
 * call them through `pulumi.runtime`. A promise resolves to an unknown value; an Output is known
 * and holds an unknown result (`knownOutput`), so `apply` callbacks run as they would in a real
 * preview.
 */
export function answerInvokesWithUnknowns(invokeModule: InvokeModule, knownOutput: (value: unknown) => unknown): void {
    const promised: Invoker = () => Promise.resolve(unknownValue());
    const asOutput: Invoker = () => knownOutput(unknownResult());
    for (const name of ["invoke", "invokeSingle"] as const) {
        if (typeof invokeModule[name] === "function") invokeModule[name] = promised;
    }
    for (const name of ["invokeOutput", "invokeSingleOutput", "call", "callSingle"] as const) {
        if (typeof invokeModule[name] === "function") invokeModule[name] = asOutput;
    }
}
