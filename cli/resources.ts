// Resources to scan, whatever they were read from (a stack export or a recorded program).
import type { ProviderResource } from "./analyzer-client";

export interface ScanResource {
    urn: string;
    type: string;
    name: string;
    custom: boolean;
    /** Inputs in the engine's encoding (UNKNOWN sentinel, secret envelopes): sent to Analyze. */
    inputs: Record<string, unknown>;
    /** Outputs (or inputs during preview): sent to AnalyzeStack. */
    outputs: Record<string, unknown>;
    parent?: string;
    provider?: ProviderResource;
    dependencies: string[];
    propertyDependencies: Record<string, string[]>;
    protect?: boolean;
    /** Where a recorded program declares the resource: absolute file path, 1-based line and column. */
    source?: { file: string; line: number; column?: number };
}

export interface ScanInput {
    source: string;
    artifact?: string;
    /** Absolute directory that `artifact` (and result locations) are relative to. */
    sourceRoot?: string;
    stack: string;
    project: string;
    /** True for a recorded program (preview), false for a stack export (deployed state). */
    dryRun: boolean;
    resources: ScanResource[];
}

export function stackAndProject(urn: string | undefined): { stack: string; project: string } {
    const match = /^urn:pulumi:([^:]*)::([^:]*)::/.exec(urn ?? "");
    return match ? { stack: match[1], project: match[2] } : { stack: "", project: "" };
}
