/**
 * A filled-in CRA record for one demo product (issue 12 item 9): role, class and route, support
 * period, disclosure contact, document facts, every Annex I requirement settled, one closed Art. 14
 * case and the documents issued once, so that a newcomer sees the CRA tab working. The values are
 * made up for the demo (example.org addresses), written through the services like any user's.
 */
import * as services from '../services/index.js';
import type { Store } from '../services/store-door.js';

const PRODUCT = 'Proton Mail Bridge';
const EXAMPLE = 'https://bridge.example.org';

const NOT_APPLICABLE: Record<string, string> = {
  'I.h': 'Demo: a local bridge with no network service of its own; availability depends on the mail provider',
  'I.i': 'Demo: talks only to the local mail client and the provider API',
};

export async function seedDemoCra(store: Store, author: string, date: string): Promise<void> {
  const at = new Date(`${date}T09:00:00Z`);
  await services.updateCraRecord(
    store,
    PRODUCT,
    {
      roleAnswers: { marketsUnderOwnName: true, openSource: true, monetised: true },
      coreFunction: 'Desktop bridge between an end-to-end encrypted mail service and local IMAP/SMTP clients',
      category: 'default',
      route: 'module-a',
      support: {
        start: '2027-01-15',
        endMonth: '2032-06',
        factors: {
          expectedUseTime: 'Demo: desktop users keep a mail bridge for 5 years or more',
          coreComponentSupport: 'Demo: Go toolchain releases are supported for about a year; rebuilt on each',
        },
        coreComponents: [{ name: 'golang.org/x/crypto', endOfSupport: '2033-12' }],
      },
      cvd: {
        contacts: ['mailto:security@bridge.example.org', `${EXAMPLE}/security/report`],
        policyUrl: `${EXAMPLE}/security/policy`,
        securityTxtUrl: `${EXAMPLE}/.well-known/security.txt`,
        csafUrl: `${EXAMPLE}/.well-known/csaf/provider-metadata.json`,
        preferredLanguages: ['en', 'fr'],
      },
      information: {
        manufacturerName: 'Demo Bridge Ltd (fictitious)',
        manufacturerAddress: '1 Example Street, 1000 Example City, Belgium',
        manufacturerEmail: 'mailto:contact@bridge.example.org',
        manufacturerWebsite: EXAMPLE,
        productType: 'Desktop mail bridge application for Windows, macOS and Linux',
        intendedPurpose:
          'Lets local mail clients read and send end-to-end encrypted mail; runs on the user’s computer, listens on localhost only',
        foreseeableMisuse: 'Exposing the local IMAP/SMTP ports to a network; running with a shared OS account',
        docUrl: `${EXAMPLE}/eu-declaration-of-conformity`,
        supportType:
          'Security updates through the built-in updater, free of charge, until the end of the support period',
        instructionsCommissioning: `${EXAMPLE}/docs/install`,
        instructionsChanges: `${EXAMPLE}/docs/settings#security`,
        instructionsUpdates: `${EXAMPLE}/docs/updates`,
        instructionsDecommissioning: `${EXAMPLE}/docs/uninstall`,
        instructionsAutoUpdateOff: `${EXAMPLE}/docs/updates#manual`,
        sbomUrl: `${EXAMPLE}/sbom/`,
        standardsApplied:
          'None cited in the OJ yet; solutions adopted are described in the risk assessment (Annex VII (5))',
        signatory: 'A. Example, Head of Product Security',
        signaturePlace: 'Example City',
        signatureDate: date,
        designDescription: `${EXAMPLE}/docs/architecture`,
        updateDistribution: 'Signed update manifests (Ed25519) over HTTPS with rollback protection',
        productionProcesses: 'Reproducible CI builds, code review of every change, SBOM per release',
        riskAssessment: `${EXAMPLE}/security/risk-assessment-2027.pdf`,
        testReports: `${EXAMPLE}/security/pentest-2027.pdf`,
      },
    },
    author,
    at,
  );
  // I.a and II.1 are computed per release from the findings and the SBOM quality result: not set by hand.
  for (const requirement of (await services.craRecordView(store, PRODUCT)).requirements.filter((r) => !r.computed)) {
    const reason = NOT_APPLICABLE[requirement.id];
    await services.setAnnexRequirement(
      store,
      PRODUCT,
      requirement.id,
      reason
        ? { status: 'not-applicable', note: reason }
        : { status: 'met', evidence: [`${EXAMPLE}/security/evidence/${requirement.id.toLowerCase()}`] },
      author,
      at,
    );
  }
  const opened = await services.openReportingCase(store, {
    product: PRODUCT,
    type: 'vulnerability',
    title: 'Demo: actively exploited flaw in the local IMAP listener',
    vulnerabilityId: 'CVE-2026-0001',
    awareAt: '2026-10-05T08:30:00Z',
    memberStates: ['BE', 'FR'],
    facts: {
      affectedVersions: '1.6.3',
      exploitNature: 'Crafted IMAP command',
      measuresTaken: 'Listener hardened in 1.8.0',
      userMeasures: 'Update to 1.8.0',
      sensitivity: 'TLP:CLEAR',
    },
    createdBy: author,
  });
  await services.updateReportingCase(store, opened.id, {
    fixAvailableAt: '2026-10-06T12:00:00Z',
    earlyWarningSubmittedAt: '2026-10-05T20:00:00Z',
    notificationSubmittedAt: '2026-10-07T10:00:00Z',
    finalReportSubmittedAt: '2026-10-14T10:00:00Z',
    facts: { severityImpact: 'High: local code execution', securityUpdate: '1.8.0' },
    status: 'closed',
    by: author,
  });
  await services.issueCraDocuments(store, PRODUCT, { release: '1.8.0', date }, author, at);
}
