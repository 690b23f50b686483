// Mocha's spec reporter plus the plain closing line CI systems read ("N passed, N failed").
const Mocha = require("mocha");

class SpecWithSummary extends Mocha.reporters.Spec {
    constructor(runner, options) {
        super(runner, options);
        runner.once("end", () => {
            const { passes, failures, pending } = runner.stats;
            console.log(`${passes} passed, ${failures} failed${pending ? `, ${pending} skipped` : ""}`);
        });
    }
}

module.exports = SpecWithSummary;
