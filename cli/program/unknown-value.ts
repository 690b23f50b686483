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

/** A value that stands for anything: every use of it yields another one. */
export function unknownValue(): unknown {
    // A function target makes the value callable; an arrow function has no own non-configurable
    // properties, so the proxy may report none.
    const target = () => undefined;
    const proxy: unknown = new Proxy(target, {
        get(_target, key) {
            // @pulumi/pulumi recognises its own unknown by this flag (Unknown.isInstance), also
            // across SDK copies, and serialises it as the engine's unknown.
            if (key === "__pulumiUnknown") return true;
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
            return unknownValue();
        },
        apply: () => unknownValue(),
        has: (_target, key) => key !== "then",
        ownKeys: () => [],
        getOwnPropertyDescriptor: () => undefined,
        set: () => true,
        deleteProperty: () => true,
        defineProperty: () => true,
    });
    unknownValues.add(proxy as object);
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
 * call them through `pulumi.runtime`, whose exports read the module's current functions. Outputs
 * are known and hold an unknown value, so `apply` callbacks run as they would in a real preview.
 */
export function answerInvokesWithUnknowns(invokeModule: InvokeModule, output: (value: unknown) => unknown): void {
    const promised: Invoker = () => Promise.resolve(unknownValue());
    const asOutput: Invoker = () => output(Promise.resolve(unknownValue()));
    for (const name of ["invoke", "invokeSingle"] as const) {
        if (typeof invokeModule[name] === "function") invokeModule[name] = promised;
    }
    for (const name of ["invokeOutput", "invokeSingleOutput", "call", "callSingle"] as const) {
        if (typeof invokeModule[name] === "function") invokeModule[name] = asOutput;
    }
}
