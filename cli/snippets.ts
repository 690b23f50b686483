// Compliant and violating snippets for `explain`, keyed by rule id: one entry per rule (a test
// runs each example through its rule), rendered to Pulumi TypeScript from the same data.
import { awsSnippets } from "./snippets/aws";
import { azureSnippets } from "./snippets/azure";
import { gcpSnippets } from "./snippets/gcp";
import { renderExample, type RuleExamples } from "./snippets/model";
import { stackSnippets } from "./snippets/stack";

export { className, Json, renderExample, propertyDependencies, Ref, type Example, type RuleExamples, type SnippetResource } from "./snippets/model";

export const examples: Record<string, RuleExamples> = { ...awsSnippets, ...azureSnippets, ...gcpSnippets, ...stackSnippets };

export interface Snippets {
    violating: string;
    compliant: string;
}

/** The snippet texts of a rule, or undefined when it has none. */
export function snippetsFor(ruleId: string): Snippets | undefined {
    const entry = examples[ruleId];
    return entry ? { violating: renderExample(entry.violating), compliant: renderExample(entry.compliant) } : undefined;
}
