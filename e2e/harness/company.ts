// A generated company for the directory's tests, demo and bench: a fixed top of named people (the
// ones tests and the e2e spec refer to) and, below them, as many generated employees as asked for.
// Deterministic: the same size always gives the same people.
import { peopleLdif, personDnIn } from "../../admin/provision/ldif.ts";

export interface CompanyPerson {
    /** Login name: the LDAP `uid` and the Matrix localpart. */
    uid: string;
    givenName: string;
    surname: string;
    title: string;
    /** Department path, top first, joined with "/" (e.g. "Engineering/Platform"). */
    department: string;
    location: string;
    email: string;
    phone: string;
    /** The manager's uid; null at the top. */
    manager: string | null;
}

export const COMPANY_DOMAIN = "example.com";
export const COMPANY_BASE_DN = "dc=example,dc=com";

export const LOCATIONS = ["Berlin", "Paris", "London", "New York", "Singapore", "Moscow"] as const;

/** The named top of the company: a CEO, department heads and team leads. */
const CORE: Array<Omit<CompanyPerson, "email" | "phone">> = [
    {
        uid: "ada",
        givenName: "Ada",
        surname: "Lindqvist",
        title: "Chief Executive Officer",
        department: "Management",
        location: "Berlin",
        manager: null,
    },
    {
        uid: "boris",
        givenName: "Boris",
        surname: "Okafor",
        title: "VP Engineering",
        department: "Engineering",
        location: "Berlin",
        manager: "ada",
    },
    {
        uid: "chloe",
        givenName: "Chloé",
        surname: "Martin",
        title: "VP Sales",
        department: "Sales",
        location: "Paris",
        manager: "ada",
    },
    {
        uid: "dmitri",
        givenName: "Dmitri",
        surname: "Sokolov",
        title: "Head of People",
        department: "People",
        location: "Moscow",
        manager: "ada",
    },
    {
        uid: "erin",
        givenName: "Erin",
        surname: "Walsh",
        title: "Platform Lead",
        department: "Engineering/Platform",
        location: "London",
        manager: "boris",
    },
    {
        uid: "farid",
        givenName: "Farid",
        surname: "Haddad",
        title: "Apps Lead",
        department: "Engineering/Apps",
        location: "Berlin",
        manager: "boris",
    },
    {
        uid: "grace",
        givenName: "Grace",
        surname: "Tan",
        title: "Sales Lead EMEA",
        department: "Sales/EMEA",
        location: "Paris",
        manager: "chloe",
    },
    {
        uid: "hiro",
        givenName: "Hiro",
        surname: "Sato",
        title: "Sales Lead APAC",
        department: "Sales/APAC",
        location: "Singapore",
        manager: "chloe",
    },
    {
        uid: "ines",
        givenName: "Inès",
        surname: "Dubois",
        title: "Site Reliability Engineer",
        department: "Engineering/Platform",
        location: "London",
        manager: "erin",
    },
];

const GIVEN = [
    "Anna",
    "Ben",
    "Carla",
    "David",
    "Elena",
    "Felix",
    "Gina",
    "Hugo",
    "Ida",
    "Jonas",
    "Karin",
    "Leo",
    "Mara",
    "Nils",
    "Olga",
    "Paul",
    "Rosa",
    "Sven",
    "Tara",
    "Umar",
    "Vera",
    "Wim",
    "Yara",
    "Zoe",
];
const SURNAMES = [
    "Berg",
    "Costa",
    "Diaz",
    "Eriksen",
    "Fischer",
    "García",
    "Huber",
    "Ivanova",
    "Jensen",
    "Kowalski",
    "Larsen",
    "Meyer",
    "Novak",
    "Olsen",
    "Petrov",
    "Quinn",
    "Rossi",
    "Schmidt",
    "Torres",
    "Ueda",
    "Vogel",
    "Weber",
    "Young",
    "Zhang",
];
const TEAM_TITLES: Record<string, string[]> = {
    "Engineering/Platform": ["Backend Engineer", "Site Reliability Engineer", "Database Engineer"],
    "Engineering/Apps": ["Frontend Engineer", "Mobile Engineer", "Product Designer"],
    "Sales/EMEA": ["Account Executive", "Sales Engineer"],
    "Sales/APAC": ["Account Executive", "Customer Success Manager"],
    People: ["Recruiter", "People Partner"],
};
/** Each team's lead: the generated employees of a team report to them. */
const TEAM_LEADS: Record<string, string> = {
    "Engineering/Platform": "erin",
    "Engineering/Apps": "farid",
    "Sales/EMEA": "grace",
    "Sales/APAC": "hiro",
    People: "dmitri",
};

function withContact(person: Omit<CompanyPerson, "email" | "phone">, index: number): CompanyPerson {
    return {
        ...person,
        email: `${person.uid}@${COMPANY_DOMAIN}`,
        phone: `+49 30 5550 ${String(1000 + index).padStart(4, "0")}`,
    };
}

/** `size` people in all (at least the named core), always the same ones for the same size. */
export function generateCompany(size: number): CompanyPerson[] {
    const people = CORE.map(withContact);
    const teams = Object.keys(TEAM_LEADS);
    for (let i = 0; people.length < size; i++) {
        const team = teams[i % teams.length];
        const titles = TEAM_TITLES[team];
        const givenName = GIVEN[i % GIVEN.length];
        const surname = SURNAMES[Math.floor(i / GIVEN.length) % SURNAMES.length];
        const location = LOCATIONS[(i * 7 + 3) % LOCATIONS.length];
        const base = {
            uid: `emp${String(i + 1).padStart(6, "0")}`,
            givenName,
            surname,
            title: titles[Math.floor(i / teams.length) % titles.length],
            department: team,
            location,
            manager: TEAM_LEADS[team],
        };
        people.push(withContact(base, people.length));
    }
    return people.slice(0, Math.max(size, CORE.length));
}

export const personDn = (uid: string): string => personDnIn(COMPANY_BASE_DN, uid);

/** Each person's LDAP password (userPassword), for sign-in through Synapse's LDAP provider in tests and the demo. */
export const personPassword = (uid: string): string => `atrium-ldap-${uid}`;

/** The company as LDIF: the base, the people OU and one inetOrgPerson per person, each with a password. */
export function companyLdif(people: readonly CompanyPerson[]): string {
    return peopleLdif(
        COMPANY_BASE_DN,
        "Example Company",
        people.map((person) => ({ ...person, password: personPassword(person.uid) })),
    );
}
