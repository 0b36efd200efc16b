/**
 * @jest-environment node
 */
import { readFileSync } from "node:fs";
import path from "node:path";

import { formatProblem, readOrgFile, type OrgProblem } from "./orgFile.ts";

const small = readFileSync(path.join(__dirname, "testing/small-org.yaml"), "utf8");
const demo = readFileSync(path.join(__dirname, "demo-company.yaml"), "utf8");

function problems(text: string): OrgProblem[] {
    const reading = readOrgFile(text);
    if (reading.ok) throw new Error("expected the file to be refused");
    return reading.problems;
}

/** The 1-based line of the first line containing `needle`. */
const lineOf = (text: string, needle: string): number =>
    text.split("\n").findIndex((line) => line.includes(needle)) + 1;

describe("readOrgFile", () => {
    it("reads the test organisation and the demo company", () => {
        const reading = readOrgFile(small);
        expect(reading.ok).toBe(true);
        if (reading.ok)
            expect(reading.org.people.map((p) => p.username)).toEqual([
                "ada",
                "boris",
                "erin",
                "ines",
                "chloe",
                "grace",
            ]);
        const company = readOrgFile(demo);
        expect(company.ok ? company.org.people.length : company.problems).toBeGreaterThanOrEqual(55);
    });

    it("names the line of an unknown key", () => {
        const text = small.replace(
            "    topic: Everything we build",
            "    topic: Everything we build\n    colour: blue",
        );
        const [problem] = problems(text);
        expect(problem.message).toBe('has an unknown key "colour"');
        expect(problem.path).toBe("departments[0]");
        expect(problem.line).toBe(lineOf(text, "- id: eng"));
    });

    it("names the line of a value of the wrong type or shape", () => {
        const text = small.replace("name: Project Apollo", "name: 42");
        const [problem] = problems(text);
        expect(problem.path).toBe("projects[0].name");
        expect(problem.line).toBe(lineOf(text, "name: 42"));
        const badJoin = small.replace("join_rule: invite", "join_rule: anyone");
        expect(problems(badJoin)[0]).toMatchObject({
            path: "departments[0].departments[0].rooms[0].join_rule",
            line: lineOf(badJoin, "join_rule: anyone"),
        });
    });

    it("names a missing required key at its parent's line", () => {
        const text = small.replace("  - { username: grace, name: Grace Tan,", "  - { username: grace,");
        const [problem] = problems(text);
        expect(problem.message).toBe('lacks "name"');
        expect(problem.line).toBe(lineOf(text, "username: grace"));
    });

    it("refuses a manager, department, member or role holder that does not exist", () => {
        const text = small
            .replace("department: sales, manager: chloe", "department: marketing, manager: zed")
            .replace("members: [erin, chloe]", "members: [erin, nobody]")
            .replace("{ space: sales, admins: [chloe] }", "{ space: legal, admins: [chloe] }");
        const found = problems(text).map((p) => [p.line, p.message]);
        expect(found).toEqual([
            [lineOf(text, "members: [erin, nobody]"), '"nobody" is not among people'],
            [lineOf(text, "username: grace"), '"marketing" is not a department'],
            [lineOf(text, "username: grace"), '"zed" is not among people'],
            [lineOf(text, "space: legal"), '"legal" is not a department or project'],
        ]);
    });

    it("refuses ids used twice, a person listed twice and a classification not in the catalogue", () => {
        const text = small
            .replace("id: apollo", "id: sales")
            .replace("username: grace", "username: ada")
            .replace("classification: restricted", "classification: top-secret");
        const messages = problems(text).map((p) => p.message);
        expect(messages).toContain('the id "sales" is used twice (also departments[1])');
        expect(messages).toContain('"ada" is listed twice (also people[0])');
        expect(messages).toContain('"top-secret" is not a classification (public, internal, confidential, restricted)');
    });

    it("refuses a reporting line that goes round in a circle", () => {
        const text = small.replace("manager: null", "manager: erin");
        const messages = problems(text).map((p) => p.message);
        expect(messages).toContain('the reporting line from "ada" goes round in a circle');
    });

    it("refuses broken YAML and duplicate keys with their line", () => {
        const duplicate = small.replace("  name: Small Company", "  name: Small Company\n  name: Again");
        expect(problems(duplicate)[0]).toMatchObject({ line: lineOf(duplicate, "name: Again"), path: "(YAML)" });
        const broken = small.replace("people:", "people: [");
        expect(problems(broken)[0].path).toBe("(YAML)");
        expect(problems(broken)[0].line).toBeGreaterThan(0);
    });

    it("formats a problem as file:line:column", () => {
        const problem = { line: 12, column: 5, path: "people[3].manager", message: '"zed" is not among people' };
        expect(formatProblem("org.yaml", problem)).toBe('org.yaml:12:5: people[3].manager: "zed" is not among people');
    });
});
