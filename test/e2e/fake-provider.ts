// A fake resource provider plugin for the end-to-end suite: real provider plugins cannot be
// downloaded here. It accepts every input as given (Check), reports a change when inputs differ
// (Diff), and "creates" each resource with an id derived from its name and outputs equal to its
// inputs, so computed outputs (arn, selfLink) are absent after `pulumi up`. Invokes return nothing.
//
// Started through a wrapper named `pulumi-resource-<package>` as
// `node fake-provider.js <package> <version> <engine-address>`.
import * as pulumiProvider from "@pulumi/pulumi/provider";

const [packageName, version, ...engineArgs] = process.argv.slice(2);

function nameOf(urn: string): string {
    return urn.slice(urn.lastIndexOf("::") + 2);
}

const provider: pulumiProvider.Provider = {
    version,
    check: async (_urn, _olds, news) => ({ inputs: news }),
    diff: async (_id, _urn, olds, news) => ({ changes: JSON.stringify(olds) !== JSON.stringify(news) }),
    create: async (urn, inputs) => ({ id: `${nameOf(urn)}-${packageName}-id`, outs: inputs }),
    read: async (id, _urn, props) => ({ id, props }),
    update: async (_id, _urn, _olds, news) => ({ outs: news }),
    delete: async () => undefined,
    invoke: async () => ({ outputs: {} }),
};

pulumiProvider.main(provider, engineArgs).catch((error: Error) => {
    process.stderr.write(`fake provider ${packageName}: ${error.message}\n`);
    process.exit(1);
});
