// Every query the site sends to the register's GraphQL API, with the types of their results
// (written by hand to match /schema.graphql). Static pages call the `load*` functions at
// build time; they are memoised, so a build fetches each list once however many pages use it.
// The on-demand /verify route calls `verifyOrganization` at request time.
import { createHash } from 'node:crypto';
import { ClientError, GraphQLClient } from 'graphql-request';
import { attachmentPath } from './format.ts';

// ---------------------------------------------------------------------------------------
// Types (schema.graphql)

export type Language = 'KK' | 'RU' | 'EN';
export type AccreditationStatus = 'ACCREDITED' | 'EXPIRED' | 'IN_PROGRESS' | 'NOT_ACCREDITED' | 'REFUSED';
export type DecisionOutcome = 'ACCREDITED' | 'REFUSED';
export type OrganizationKind = 'SCHOOL' | 'COLLEGE' | 'HIGHER_COLLEGE';
export type EducationLevel = 'SECONDARY' | 'TECHNICAL_VOCATIONAL' | 'POST_SECONDARY';
export type ProgrammeType = 'INTERNATIONAL' | 'SPECIALISED_GIFTED' | 'STATE_STANDARD';
export type ReportKind = 'SELF_ASSESSMENT' | 'PRELIMINARY' | 'EXTERNAL_FINAL' | 'INTERIM';
export type RegionKind = 'OBLAST' | 'CITY';
export type FrameworkStatus = 'ACTIVE' | 'DRAFT' | 'RETIRED';
/** `Date` scalar: YYYY-MM-DD. */
export type IsoDate = string;
/** `DateTime` scalar: ISO 8601 with offset. */
export type IsoDateTime = string;

/** Every language of the API (of instruction, of experts' work), in the site's order. */
export const LANGUAGES: readonly Language[] = ['KK', 'RU', 'EN'];
/** Every level of education, from secondary up. */
export const EDUCATION_LEVELS: readonly EducationLevel[] = ['SECONDARY', 'TECHNICAL_VOCATIONAL', 'POST_SECONDARY'];

export const ACCREDITATION_STATUSES: readonly AccreditationStatus[] = [
  'ACCREDITED',
  'IN_PROGRESS',
  'EXPIRED',
  'REFUSED',
  'NOT_ACCREDITED',
];

/** `LocalizedString`: a text in one language, with the language it is actually in. */
export interface LocalizedString {
  text: string;
  language: Language;
  isFallback: boolean;
}

/** A `LocalizedText` as the site asks for it: `in(language:)` for each of the three languages. */
export interface Localized {
  inKk: LocalizedString | null;
  inRu: LocalizedString | null;
  inEn: LocalizedString | null;
}

export interface RegionRef {
  code: string;
  name: Localized;
}

export interface Region extends RegionRef {
  id: string;
  kind: RegionKind;
  centre: string;
  organizationCount: number;
}

export interface StatusCount {
  status: AccreditationStatus;
  count: number;
}

export interface RegisterStatistics {
  asOf: IsoDate;
  totalOrganizations: number;
  byStatus: StatusCount[];
  byRegion: { region: { code: string }; total: number; byStatus: StatusCount[] }[];
}

export interface DecisionRef {
  id: string;
  number: string;
}

export interface Decision extends DecisionRef {
  caseNumber: string;
  decisionDate: IsoDate;
  frameworkVersion: number;
  isDemo: boolean;
  outcome: DecisionOutcome;
  publishedAt: IsoDateTime | null;
  summary: Localized;
  validFrom: IsoDate | null;
  validUntil: IsoDate | null;
  supersededBy: DecisionRef | null;
  supersedes: DecisionRef | null;
}

export type DecisionTimelineKind = 'PUBLISHED' | 'CORRECTION_PUBLISHED';

/** One publication in an organization's decision history (from the API's audit trail). */
export interface DecisionTimelineEntry {
  occurredAt: IsoDateTime;
  kind: DecisionTimelineKind;
  decision: DecisionRef;
  supersedes: DecisionRef | null;
}

export interface ReportRef {
  id: string;
  title: string;
  language: Language;
  kind: ReportKind;
  publishedAt: IsoDateTime | null;
  isDemo: boolean;
}

export interface OrganizationRef {
  bin: string;
  name: Localized;
}

/** One row of the register: what lists and filters need. */
export interface OrganizationSummary extends OrganizationRef {
  id: string;
  binIsPlaceholder: boolean;
  city: string;
  isDemo: boolean;
  accreditationStatus: AccreditationStatus;
  accreditedUntil: IsoDate | null;
  region: RegionRef;
}

/** Everything the organization page shows. */
export interface Organization extends OrganizationSummary {
  kind: OrganizationKind;
  level: EducationLevel;
  programmeType: ProgrammeType;
  languages: Language[];
  address: string | null;
  website: string | null;
  updatedAt: IsoDateTime;
  latestDecision: DecisionRef | null;
  /** Every published decision, corrected ones included; the page shows them in the order of `decisionTimeline`. */
  decisions: Decision[];
  /** Publications of decisions, newest first. */
  decisionTimeline: DecisionTimelineEntry[];
  reports: ReportRef[];
  predecessor: OrganizationRef | null;
  successors: OrganizationRef[];
}

export interface ReportSection {
  position: number;
  findings: string;
  strengths: string | null;
  recommendations: string | null;
  standard: { code: string; title: Localized };
}

/** A file of a published report or material; the build copies it into the site (see attachmentPath). */
export interface ReportDocument {
  id: string;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  /** Path on the API server, resolved against KZA_API_URL. */
  downloadUrl: string;
}

export interface Report extends ReportRef {
  caseNumber: string;
  documents: ReportDocument[];
  frameworkVersion: number;
  summary: string | null;
  organization: OrganizationRef;
  sections: ReportSection[];
  translations: { id: string; title: string; language: Language }[];
}

export interface Criterion {
  key: string;
  code: string;
  position: number;
  text: Localized;
}

export interface Standard {
  key: string;
  code: string;
  position: number;
  title: Localized;
  description: Localized;
  criteria: Criterion[];
}

export interface StandardFramework {
  id: string;
  version: number;
  status: FrameworkStatus;
  isSample: boolean;
  validityYears: number;
  criteriaCount: number;
  effectiveFrom: IsoDate | null;
  effectiveTo: IsoDate | null;
  title: Localized;
  summary: Localized;
  standards: Standard[];
  /** What changed since the version before it; null for the first version. */
  changes: FrameworkChanges | null;
}

export type StandardChangedField = 'CODE' | 'TITLE_KK' | 'TITLE_RU' | 'TITLE_EN' | 'DESCRIPTION_KK' | 'DESCRIPTION_RU' | 'DESCRIPTION_EN';
export type CriterionChangedField = 'CODE' | 'STANDARD' | 'TEXT_KK' | 'TEXT_RU' | 'TEXT_EN';

/** A standard as a comparison shows it. */
export interface StandardHead {
  code: string;
  title: Localized;
}

export interface StandardDiff {
  key: string;
  before: StandardHead | null;
  after: StandardHead | null;
  changedFields: StandardChangedField[];
}

export interface CriterionDiff {
  key: string;
  before: { code: string; text: Localized } | null;
  after: { code: string; text: Localized } | null;
  standardBefore: StandardHead | null;
  standardAfter: StandardHead | null;
  changedFields: CriterionChangedField[];
}

/** `StandardFramework.changesSince`: standards and criteria matched by their stable key. */
export interface FrameworkChanges {
  fromVersion: number;
  toVersion: number;
  standardsAdded: StandardDiff[];
  standardsRemoved: StandardDiff[];
  standardsChanged: StandardDiff[];
  criteriaAdded: CriterionDiff[];
  criteriaRemoved: CriterionDiff[];
  criteriaChanged: CriterionDiff[];
  criteriaUnchanged: { key: string }[];
}

/** What /verify/<BIN> shows: the status today, straight from the API. */
export interface VerifiedOrganization extends OrganizationRef {
  binIsPlaceholder: boolean;
  isDemo: boolean;
  city: string;
  accreditationStatus: AccreditationStatus;
  accreditedUntil: IsoDate | null;
  region: RegionRef;
  latestDecision: { number: string; decisionDate: IsoDate; outcome: DecisionOutcome; isDemo: boolean } | null;
}

/** One entry of the public register of certified experts: nothing else is public about an expert. */
export interface CertifiedExpert {
  name: Localized;
  /** Numbers starting with "DEMO-" mark demonstration data. */
  certificateNumber: string;
  validUntil: IsoDate;
  specialisations: { levels: EducationLevel[]; subjectAreas: string[] };
  languages: Language[];
}

export type SupportEventKind = 'SEMINAR' | 'TRAINING' | 'CONSULTATION' | 'WEBINAR';
export type EventFormat = 'IN_PERSON' | 'ONLINE' | 'HYBRID';
export type SupportAudience = 'SCHOOLS' | 'COLLEGES' | 'EXPERTS' | 'ALL';
export type MaterialKind = 'GUIDE' | 'RECOMMENDATION' | 'TEMPLATE' | 'PRESENTATION' | 'CHECKLIST' | 'VIDEO' | 'LEGAL_ACT';

/** A published seminar, training, consultation or webinar (cancelled ones are listed until they end). */
export interface SupportEvent {
  id: string;
  kind: SupportEventKind;
  title: Localized;
  description: Localized;
  startsAt: IsoDateTime;
  endsAt: IsoDateTime;
  format: EventFormat;
  place: Localized;
  onlineUrl: string | null;
  audience: SupportAudience;
  languages: Language[];
  registrationUrl: string | null;
  isCancelled: boolean;
  isDemo: boolean;
}

/** A published methodological material. */
export interface MethodologicalMaterial {
  id: string;
  kind: MaterialKind;
  title: Localized;
  summary: Localized;
  language: Language;
  audience: SupportAudience;
  /** Where to read it: the external link, or the site's own copy of the uploaded document (/files/...). */
  downloadUrl: string | null;
  /** The uploaded document, served by the site itself (see attachmentPath); null for a link. */
  document: ReportDocument | null;
  frameworkVersion: number | null;
  publishedAt: IsoDateTime;
  isDemo: boolean;
}

interface Connection<T> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: T }[];
}

// ---------------------------------------------------------------------------------------
// Queries

const LOCALIZED = /* GraphQL */ `
  fragment L on LocalizedText {
    inKk: in(language: KK) { text language isFallback }
    inRu: in(language: RU) { text language isFallback }
    inEn: in(language: EN) { text language isFallback }
  }
`;

const ORGANIZATION_SUMMARY = /* GraphQL */ `
  fragment OrganizationSummary on Organization {
    id
    bin
    binIsPlaceholder
    name { ...L }
    city
    isDemo
    accreditationStatus
    accreditedUntil
    region { code name { ...L } }
  }
`;

const ORGANIZATIONS_QUERY = /* GraphQL */ `
  query SiteOrganizations($first: Int!, $after: String) {
    organizations(first: $first, after: $after, orderBy: { field: BIN }) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          ...OrganizationSummary
          kind
          level
          programmeType
          languages
          address
          website
          updatedAt
          latestDecision { id number }
          decisions {
            id
            number
            caseNumber
            decisionDate
            frameworkVersion
            isDemo
            outcome
            publishedAt
            summary { ...L }
            validFrom
            validUntil
            supersededBy { id number }
            supersedes { id number }
          }
          decisionTimeline {
            occurredAt
            kind
            decision { id number }
            supersedes { id number }
          }
          reports { id title language kind publishedAt isDemo }
          predecessor { bin name { ...L } }
          successors { bin name { ...L } }
        }
      }
    }
  }
  ${ORGANIZATION_SUMMARY}
  ${LOCALIZED}
`;

const REPORTS_QUERY = /* GraphQL */ `
  query SiteReports($first: Int!, $after: String) {
    reports(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          id
          title
          language
          kind
          publishedAt
          isDemo
          caseNumber
          frameworkVersion
          summary
          documents { id fileName mediaType size sha256 downloadUrl }
          organization { bin name { ...L } }
          sections {
            position
            findings
            strengths
            recommendations
            standard { code title { ...L } }
          }
          translations { id title language }
        }
      }
    }
  }
  ${LOCALIZED}
`;

const REGIONS_QUERY = /* GraphQL */ `
  query SiteRegions {
    regions { id code kind centre organizationCount name { ...L } }
    registerStatistics {
      asOf
      totalOrganizations
      byStatus { status count }
      byRegion { region { code } total byStatus { status count } }
    }
  }
  ${LOCALIZED}
`;

const FRAMEWORK_VERSIONS_QUERY = /* GraphQL */ `
  query SiteFrameworkVersions {
    standardFrameworks { version }
  }
`;

const STANDARD_DIFF = /* GraphQL */ `
  fragment StandardDiff on StandardDiff {
    key
    before { code title { ...L } }
    after { code title { ...L } }
    changedFields
  }
`;

const CRITERION_DIFF = /* GraphQL */ `
  fragment CriterionDiff on CriterionDiff {
    key
    before { code text { ...L } }
    after { code text { ...L } }
    standardBefore { code title { ...L } }
    standardAfter { code title { ...L } }
    changedFields
  }
`;

// One version per request: the whole list with every criterion would pass the API's
// complexity limit.
const FRAMEWORK_QUERY = /* GraphQL */ `
  query SiteStandards($version: Int!) {
    standardFramework(version: $version) {
      id
      version
      status
      isSample
      validityYears
      criteriaCount
      effectiveFrom
      effectiveTo
      title { ...L }
      summary { ...L }
      standards {
        key
        code
        position
        title { ...L }
        description { ...L }
        criteria { key code position text { ...L } }
      }
    }
  }
  ${LOCALIZED}
`;

// What changed in `version` since `previous`, in three requests: each diff carries texts in
// three languages, and all lists at once would pass the API's limit on a query's breadth.
const CHANGES_SELECTIONS = [
  `fromVersion toVersion
   standardsAdded { ...StandardDiff } standardsRemoved { ...StandardDiff } standardsChanged { ...StandardDiff }
   criteriaUnchanged { key }`,
  `criteriaAdded { ...CriterionDiff } criteriaRemoved { ...CriterionDiff }`,
  `criteriaChanged { ...CriterionDiff }`,
];
const CHANGES_QUERIES = CHANGES_SELECTIONS.map(
  (selection, index) => /* GraphQL */ `
  query SiteStandardsChanges${index + 1}($version: Int!, $previous: Int!) {
    standardFramework(version: $version) {
      changesSince(version: $previous) { ${selection} }
    }
  }
  ${selection.includes('StandardDiff') ? STANDARD_DIFF : ''}
  ${selection.includes('CriterionDiff') ? CRITERION_DIFF : ''}
  ${LOCALIZED}
`,
);

const VERIFY_QUERY = /* GraphQL */ `
  query SiteVerify($bin: String!) {
    organization(bin: $bin) {
      bin
      binIsPlaceholder
      isDemo
      city
      name { ...L }
      accreditationStatus
      accreditedUntil
      region { code name { ...L } }
      latestDecision { number decisionDate outcome isDemo }
    }
  }
  ${LOCALIZED}
`;

const CERTIFIED_EXPERTS_QUERY = /* GraphQL */ `
  query SiteCertifiedExperts($first: Int!, $after: String) {
    certifiedExperts(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          name { ...L }
          certificateNumber
          validUntil
          specialisations { levels subjectAreas }
          languages
        }
      }
    }
  }
  ${LOCALIZED}
`;

const SUPPORT_EVENTS_QUERY = /* GraphQL */ `
  query SiteSupportEvents($first: Int!, $after: String) {
    supportEvents(first: $first, after: $after, filter: { upcoming: true }) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          id
          kind
          title { ...L }
          description { ...L }
          startsAt
          endsAt
          format
          place { ...L }
          onlineUrl
          audience
          languages
          registrationUrl
          isCancelled
          isDemo
        }
      }
    }
  }
  ${LOCALIZED}
`;

const MATERIALS_QUERY = /* GraphQL */ `
  query SiteMaterials($first: Int!, $after: String) {
    methodologicalMaterials(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          id
          kind
          title { ...L }
          summary { ...L }
          language
          audience
          externalUrl
          document { id fileName mediaType size sha256 downloadUrl }
          frameworkVersion
          publishedAt
          isDemo
        }
      }
    }
  }
  ${LOCALIZED}
`;

/** The API's largest page (schema: 1 to 100 per page). */
export const PAGE_SIZE = 100;

// ---------------------------------------------------------------------------------------
// Client

/** Reads KZA_API_URL from the process environment (at build time or, for /verify, at request time). */
export function apiUrl(): string {
  const url = process.env['KZA_API_URL']?.trim();
  if (!url) {
    throw new Error(
      'KZA_API_URL is not set. The site reads the register from the GraphQL API: ' +
        'set KZA_API_URL to its endpoint, e.g. KZA_API_URL=http://127.0.0.1:4000/graphql',
    );
  }
  try {
    new URL(url);
  } catch {
    throw new Error(`KZA_API_URL is not a URL: "${url}". Expected e.g. http://127.0.0.1:4000/graphql`);
  }
  return url;
}

/** The bytes of a published report's or material's file, fetched from the API at build time. */
export async function fetchAttachment(document: ReportDocument): Promise<ArrayBuffer> {
  const url = new URL(document.downloadUrl, apiUrl());
  const response = await fetch(url);
  if (!response.ok) throw new Error(`The API answered HTTP ${response.status} for the attachment ${document.fileName} (${url.href}).`);
  const body = await response.arrayBuffer();
  const sha256 = createHash('sha256').update(new Uint8Array(body)).digest('hex');
  if (sha256 !== document.sha256) throw new Error(`The attachment ${document.fileName} (${url.href}) does not match its sha256.`);
  return body;
}

function client(): GraphQLClient {
  return new GraphQLClient(apiUrl(), { errorPolicy: 'none' });
}

/** Raised when the API cannot be reached or answers with something other than GraphQL data. */
export class ApiUnavailableError extends Error {
  override name = 'ApiUnavailableError';
}

/** The first error code of a GraphQL error response (extensions.code), if any. */
export function errorCode(error: unknown): string | undefined {
  if (!(error instanceof ClientError)) return undefined;
  const code = error.response.errors?.[0]?.extensions?.['code'];
  return typeof code === 'string' ? code : undefined;
}

async function send<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const url = apiUrl();
  try {
    return await client().request<T>(query, variables);
  } catch (error) {
    if (error instanceof ClientError) {
      // A GraphQL answer with errors: the caller may handle it (e.g. BAD_USER_INPUT).
      if (error.response.errors?.length) throw error;
      throw new ApiUnavailableError(
        `The register API at ${url} (KZA_API_URL) answered HTTP ${error.response.status} without GraphQL data.`,
        { cause: error },
      );
    }
    const reason = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
    throw new ApiUnavailableError(`The register API at ${url} (KZA_API_URL) could not be reached: ${reason}`, {
      cause: error,
    });
  }
}

/** Fetches every page of a connection, 100 at a time, following `endCursor`. */
async function fetchAll<T, K extends string>(query: string, field: K): Promise<{ nodes: T[]; totalCount: number }> {
  const nodes: T[] = [];
  let after: string | null = null;
  let totalCount: number;
  for (;;) {
    const data: Record<K, Connection<T>> = await send<Record<K, Connection<T>>>(query, { first: PAGE_SIZE, after });
    const page = data[field];
    totalCount = page.totalCount;
    for (const edge of page.edges) nodes.push(edge.node);
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) break;
    after = page.pageInfo.endCursor;
  }
  if (nodes.length !== totalCount) {
    throw new Error(`The API reported ${totalCount} ${field} but paging returned ${nodes.length}.`);
  }
  return { nodes, totalCount };
}

/**
 * Fails with a clear message unless KZA_API_URL is set and a GraphQL API answers there.
 * The build calls it first (astro.config.mjs), so a missing API stops it at once.
 */
export async function checkApi(): Promise<void> {
  const url = apiUrl();
  try {
    const data = await new GraphQLClient(url, { signal: AbortSignal.timeout(15_000) }).request<{ __typename: string }>(
      /* GraphQL */ `query SiteApiCheck { __typename }`,
    );
    if (data.__typename !== 'Query') throw new Error('the answer is not from a GraphQL API');
  } catch (error) {
    const reason = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
    throw new ApiUnavailableError(
      `The register API at ${url} (KZA_API_URL) is not reachable: ${reason}. Start the API, or fix KZA_API_URL.`,
      { cause: error },
    );
  }
}

// ---------------------------------------------------------------------------------------
// Build-time loaders (memoised per build)

function once<T>(load: () => Promise<T>): () => Promise<T> {
  let promise: Promise<T> | undefined;
  return () => {
    promise ??= load().catch((error: unknown) => {
      promise = undefined;
      throw error;
    });
    return promise;
  };
}

/** The whole register with the details of each organization. */
export const loadOrganizations = once(async (): Promise<Organization[]> => {
  return (await fetchAll<Organization, 'organizations'>(ORGANIZATIONS_QUERY, 'organizations')).nodes;
});

/** Every published report, with its sections. */
export const loadReports = once(async (): Promise<Report[]> => {
  return (await fetchAll<Report, 'reports'>(REPORTS_QUERY, 'reports')).nodes;
});

/** The regions and the key figures of the register. */
export const loadRegionsAndStatistics = once(async (): Promise<{ regions: Region[]; statistics: RegisterStatistics }> => {
  const data = await send<{ regions: Region[]; registerStatistics: RegisterStatistics }>(REGIONS_QUERY);
  return { regions: data.regions, statistics: data.registerStatistics };
});

/** Every published version of the standards (active and retired), newest first, each with what changed since the one before. */
export const loadFrameworks = once(async (): Promise<StandardFramework[]> => {
  const versions = (await send<{ standardFrameworks: { version: number }[] }>(FRAMEWORK_VERSIONS_QUERY)).standardFrameworks
    .map((framework) => framework.version)
    .sort((a, b) => a - b);
  const frameworks: StandardFramework[] = [];
  for (const [index, version] of versions.entries()) {
    const { standardFramework } = await send<{ standardFramework: Omit<StandardFramework, 'changes'> | null }>(FRAMEWORK_QUERY, { version });
    if (!standardFramework) continue;
    const previous = versions[index - 1];
    let changes: FrameworkChanges | null = null;
    if (previous !== undefined) {
      const parts = await Promise.all(
        CHANGES_QUERIES.map((query) => send<{ standardFramework: { changesSince: Partial<FrameworkChanges> } }>(query, { version, previous })),
      );
      changes = Object.assign({}, ...parts.map((part) => part.standardFramework.changesSince)) as FrameworkChanges;
    }
    frameworks.push({ ...standardFramework, changes });
  }
  return frameworks.reverse();
});

/** The standards in force (the newest active version, as the API's standardFramework), or null when there is none. */
export const loadActiveFramework = once(async (): Promise<StandardFramework | null> => {
  return (await loadFrameworks()).find((framework) => framework.status === 'ACTIVE') ?? null;
});

/** The register of certified experts: those certified with a certificate valid on the build day. */
export const loadCertifiedExperts = once(async (): Promise<CertifiedExpert[]> => {
  return (await fetchAll<CertifiedExpert, 'certifiedExperts'>(CERTIFIED_EXPERTS_QUERY, 'certifiedExperts')).nodes;
});

/** Seminars, trainings, consultations and webinars that have not ended on the build day, soonest first. */
export const loadUpcomingEvents = once(async (): Promise<SupportEvent[]> => {
  return (await fetchAll<SupportEvent, 'supportEvents'>(SUPPORT_EVENTS_QUERY, 'supportEvents')).nodes;
});

/** Published methodological materials, newest first; an uploaded document is read from the site's copy, like a report's. */
export const loadMaterials = once(async (): Promise<MethodologicalMaterial[]> => {
  const { nodes } = await fetchAll<MethodologicalMaterial & { externalUrl: string | null }, 'methodologicalMaterials'>(
    MATERIALS_QUERY,
    'methodologicalMaterials',
  );
  return nodes.map(({ externalUrl, ...material }) => ({
    ...material,
    downloadUrl: material.document ? attachmentPath(material.document) : externalUrl,
  }));
});

// ---------------------------------------------------------------------------------------
// Request-time query (/verify)

export type VerifyResult =
  | { kind: 'found'; organization: VerifiedOrganization }
  | { kind: 'not-found' }
  | { kind: 'invalid'; message: string }
  | { kind: 'unavailable'; message: string };

/** Asks the API for an organization's status now. Never throws. */
export async function verifyOrganization(bin: string): Promise<VerifyResult> {
  try {
    const data = await send<{ organization: VerifiedOrganization | null }>(VERIFY_QUERY, { bin });
    return data.organization ? { kind: 'found', organization: data.organization } : { kind: 'not-found' };
  } catch (error) {
    if (errorCode(error) === 'BAD_USER_INPUT' && error instanceof ClientError) {
      return { kind: 'invalid', message: error.response.errors?.[0]?.message ?? 'Invalid BIN' };
    }
    return { kind: 'unavailable', message: error instanceof Error ? error.message : String(error) };
  }
}

// ---------------------------------------------------------------------------------------
// Request-time query (/{lang}/register/filter)

/** The API's `OrganizationFilter` as the filter route sends it. */
export interface OrganizationFilter {
  regionCode?: string;
  kind?: OrganizationKind;
  level?: EducationLevel;
  status?: AccreditationStatus;
  language?: Language;
  search?: string;
}

export type OrganizationOrderField = 'BIN' | 'NAME_KK' | 'NAME_RU' | 'NAME_EN' | 'UPDATED_AT';

/** Where a page of filtered results starts: after a cursor (forwards) or before one (backwards). */
export type CursorPosition = { after: string } | { before: string } | Record<string, never>;

export interface OrganizationPage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  organizations: OrganizationSummary[];
}

export type FilterResult =
  | { kind: 'found'; page: OrganizationPage; regions: Region[] }
  | { kind: 'bad-cursor'; message: string }
  | { kind: 'unavailable'; message: string };

const FILTER_QUERY = /* GraphQL */ `
  query SiteFilterOrganizations(
    $filter: OrganizationFilter
    $first: Int
    $after: String
    $last: Int
    $before: String
    $orderBy: OrganizationOrder
  ) {
    organizations(filter: $filter, first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { node { ...OrganizationSummary } }
    }
    regions { id code kind centre organizationCount name { ...L } }
  }
  ${ORGANIZATION_SUMMARY}
  ${LOCALIZED}
`;

/**
 * One page of the register narrowed by a filter, asked of the API now, with the regions (for
 * the form). Never throws: a cursor the API rejects is `bad-cursor`; anything else going
 * wrong is `unavailable`.
 */
export async function filterOrganizations(
  filter: OrganizationFilter,
  position: CursorPosition,
  size: number,
  orderBy: OrganizationOrderField,
): Promise<FilterResult> {
  const paging = 'before' in position ? { last: size, before: position.before } : { first: size, ...position };
  try {
    const data = await send<{ organizations: Connection<OrganizationSummary> & { pageInfo: OrganizationPage['pageInfo'] }; regions: Region[] }>(
      FILTER_QUERY,
      { filter, orderBy: { field: orderBy }, ...paging },
    );
    const { totalCount, pageInfo, edges } = data.organizations;
    return { kind: 'found', page: { totalCount, pageInfo, organizations: edges.map((edge) => edge.node) }, regions: data.regions };
  } catch (error) {
    const hasCursor = 'before' in position || 'after' in position;
    if (hasCursor && error instanceof ClientError && error.response.errors?.length) {
      return { kind: 'bad-cursor', message: error.response.errors[0]?.message ?? 'Invalid cursor' };
    }
    return { kind: 'unavailable', message: error instanceof Error ? error.message : String(error) };
  }
}
