// Scans every stack through one started pack, reading the next stack while the current one is
// scanned. A stack that cannot be read is recorded with its error and the others go on; a failure of
// the pack itself stops the assessment. One progress line per stack on stderr.
import { oneLineError } from "../errors";
import type { ScanInput } from "../resources";
import { scanWithPack, type Pack } from "../scanner";
import type { ExemptionTracker } from "./exemptions";
import type { AssessedFinding, StackAssessment } from "./model";
import type { StackSource } from "./sources";
import { assessStack, failedStack } from "./summarise";

export interface AssessedStacks {
    stacks: StackAssessment[];
    findings: AssessedFinding[];
}

type Loaded = { input: ScanInput } | { error: string };

function load(source: StackSource): Promise<Loaded> {
    return source.load().then((input) => ({ input }), (error) => ({ error: oneLineError(error) }));
}

/** `<project>/<stack>`; the input's label tells apart two inputs of the same stack. */
function stackName(input: ScanInput, source: StackSource, taken: ReadonlySet<string>): string {
    const name = input.project && input.stack ? `${input.project}/${input.stack}` : source.fallbackName;
    return taken.has(name) ? `${name} (${source.label})` : name;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export async function assessStacks(pack: Pack, sources: readonly StackSource[], exemptions: ExemptionTracker,
    report: (line: string) => void): Promise<AssessedStacks> {
    const started = Date.now();
    const stacks: StackAssessment[] = [];
    const findings: AssessedFinding[] = [];
    const names = new Set<string>();
    let next = sources.length > 0 ? load(sources[0]) : undefined;
    for (let index = 0; index < sources.length; index++) {
        const source = sources[index];
        const loaded = await next!;
        next = index + 1 < sources.length ? load(sources[index + 1]) : undefined;
        const position = `stack ${index + 1} of ${sources.length}`;
        if ("error" in loaded) {
            stacks.push(failedStack(source.fallbackName, source.label, loaded.error));
            report(`${position}, ${source.label}: not assessed: ${loaded.error} (${seconds(Date.now() - started)} elapsed)`);
            continue;
        }
        const stackStarted = Date.now();
        const name = stackName(loaded.input, source, names);
        names.add(name);
        const results = await scanWithPack(pack, loaded.input);
        exemptions.observe(name, loaded.input.resources);
        const assessed = assessStack(results, name, source.label);
        stacks.push(assessed.stack);
        for (const finding of assessed.findings) findings.push(finding); // a spread of a huge stack's findings would overflow the call stack
        const { byLevel } = assessed.stack.counts;
        report(`${position}, ${name}: ${assessed.stack.resources} resources, ${byLevel.mandatory} mandatory, ${byLevel.advisory} advisory ` +
            `(${seconds(Date.now() - stackStarted)}; ${seconds(Date.now() - started)} elapsed)`);
    }
    return { stacks, findings };
}
