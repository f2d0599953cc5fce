import { extractText, getMeta } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { AGREEMENT_TITLE, dutchLongDate, renderAgreementPdf } from '../../shared/documents/ama-agreement-pdf.ts';
import type { AgreementDocument } from '../../shared/documents/agreement-document.ts';
import { isValidEnterpriseNumber } from '../../shared/domain/enterprise-number.ts';
import { amaLegalBasis } from '../../shared/domain/ama.ts';

const signed: AgreementDocument = {
  agreementId: 'ama_01JQ3ZK8M4',
  status: 'ACTIVE',
  participant: {
    reference: 'VDAB-7734021',
    birthDate: '1990-05-17',
    identity: { name: 'Lotte Verhaegen', nationalRegisterNumber: '90051712345' },
  },
  begeleider: { enterpriseNumber: '0123456749', name: 'Arbeidszorg De Brug vzw' },
  werkpost: {
    name: 'Kringloopwinkel Zuid',
    enterpriseNumber: '0456789034',
    address: { street: 'Kerkstraat 12', postcode: '9000', municipality: 'Gent' },
  },
  activities: 'Sorteren en prijzen van kleding, meehelpen in de winkel en aan de kassa van het café.',
  // Out of order on purpose: the PDF lists the days from maandag to zondag.
  weeklySchedule: [
    { day: 'DO', from: '13:00', to: '16:00' },
    { day: 'MA', from: '09:00', to: '12:30' },
    { day: 'ZA', from: '10:00', to: '12:00' },
  ],
  startDate: '2027-03-01',
  endDate: '2028-02-29',
  legalBasis: amaLegalBasis('2027-03-01'),
  hoursPerWeek: 8.5,
  werkpostbegeleider: { name: 'Sofie Claes', phone: '09 123 45 67', email: 'sofie@kringloopzuid.example' },
  participantStatus: { permission: 'OCMW_PERMISSION', reference: 'OCMW-GENT-2027-118' },
  evaluationDates: ['2027-09-01', '2027-06-01'],
  insurance: { insurer: 'Ethias', policyReference: 'POL-45.678.901' },
  guidance: 'Wekelijks een gesprek met de begeleider; de begeleider komt maandelijks langs op de werkpost.',
  endingConditions: 'Elke partij kan de overeenkomst beëindigen met een opzegtermijn van twee weken; de cliënt ook zonder opzeg.',
  signatures: [
    { party: 'PARTICIPANT', method: 'SCANNED_PAPER', signedOn: '2027-02-18', signedAt: '2027-02-18T09:00:00.000Z' },
    // 23:30 UTC on 20 February is 00:30 on 21 February in Brussels.
    { party: 'BEGELEIDER', signerName: 'An Peeters', signedAt: '2027-02-20T23:30:00.000Z' },
    {
      party: 'WERKPOST',
      signerName: 'Jürgen Maes',
      method: 'ELECTRONIC',
      signedOn: '2027-02-22',
      signedAt: '2027-02-22T14:00:00.000Z',
    },
  ],
  generatedAt: '2027-03-01T09:15:00.000Z',
};

const draft: AgreementDocument = {
  ...signed,
  agreementId: 'ama_01JQ40DRAFT',
  status: 'DRAFT',
  werkpost: { name: 'Stadsboerderij Noord', address: { street: 'Molenweg 3', postcode: '2000', municipality: 'Antwerpen' } },
  endDate: undefined,
  evaluationDates: [],
  signatures: [],
};

/** The text of each page, whitespace collapsed, so a line that wraps still reads as one phrase. */
async function pagesOf(pdf: Buffer): Promise<string[]> {
  const { text } = await extractText(new Uint8Array(pdf), { mergePages: false });
  return text.map((page) => page.replace(/\s+/g, ' ').trim());
}

async function textOf(pdf: Buffer): Promise<string> {
  return (await pagesOf(pdf)).join(' ');
}

const count = (text: string, part: string) => text.split(part).length - 1;

describe('the AMA agreement PDF', () => {
  it('is a PDF', async () => {
    const pdf = await renderAgreementPdf(signed);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.subarray(-6).toString('latin1')).toContain('%%EOF');
  });

  it('shows the title, the agreement, its status and the Dutch headings', async () => {
    const text = await textOf(await renderAgreementPdf(signed));
    expect(text.startsWith(AGREEMENT_TITLE)).toBe(true);
    expect(text).toContain('Overeenkomst: ama_01JQ3ZK8M4');
    expect(text).toContain('Status: Actief');
    for (const heading of [
      'Partijen',
      'Deelnemer',
      'Begeleider AMA',
      'Werkpost',
      'Activiteiten',
      'Weekrooster',
      'Duur',
      'Evaluatiemomenten',
      'Verzekering',
      'Begeleiding',
      'Voorwaarden voor beëindiging',
      'Handtekeningen',
    ]) {
      expect(text).toContain(heading);
    }
  });

  it('shows the three parties, with the enterprise numbers written the KBO way', async () => {
    expect(isValidEnterpriseNumber(signed.begeleider.enterpriseNumber)).toBe(true);
    expect(isValidEnterpriseNumber(signed.werkpost.enterpriseNumber ?? '')).toBe(true);
    const text = await textOf(await renderAgreementPdf(signed));
    expect(text).toContain(
      'Deelnemer Naam: Lotte Verhaegen Rijksregisternummer: 90.05.17-123.45 Referentie: VDAB-7734021 Geboortedatum: 17 mei 1990',
    );
    expect(text).toContain('Begeleider AMA Naam: Arbeidszorg De Brug vzw Ondernemingsnummer: 0123.456.749');
    expect(text).toContain(
      'Werkpost Naam: Kringloopwinkel Zuid Ondernemingsnummer: 0456.789.034 Adres: Kerkstraat 12, 9000 Gent',
    );
  });

  it('leaves lines to fill in by hand for an agreement drawn up before the identity was recorded', async () => {
    const { identity: _identity, ...participant } = signed.participant;
    const text = await textOf(await renderAgreementPdf({ ...signed, participant }));
    expect(text).toMatch(/Deelnemer Naam: \.{10,} Rijksregisternummer: \.{10,} Referentie: VDAB-7734021/);
  });

  it('shows every element of the agreement', async () => {
    const text = await textOf(await renderAgreementPdf(signed));
    expect(text).toContain(`Activiteiten ${signed.activities}`);
    expect(text).toContain(
      'Weekrooster maandag: van 09:00 tot 12:30 donderdag: van 13:00 tot 16:00 zaterdag: van 10:00 tot 12:00',
    );
    expect(text).toContain('Duur Startdatum: 1 maart 2027 Einddatum: 29 februari 2028');
    expect(text).toMatch(/Evaluatiemomenten\W+1 juni 2027\W+1 september 2027/);
    expect(text).toContain('Verzekering Verzekeraar: Ethias Polisnummer: POL-45.678.901');
    expect(text).toContain(`Begeleiding ${signed.guidance}`);
    // The elements the annex asks for besides: the werkpostbegeleider, the hours, the participant's access, the legal basis.
    expect(text).toContain('Werkpostbegeleider: Sofie Claes Telefoon: 09 123 45 67 E-mail: sofie@kringloopzuid.example');
    expect(text).toContain('Uren per week: 8,5');
    expect(text).toContain('Toegang tot AMA: met toestemming van het OCMW');
    expect(text).toContain('Referentie toeleiding of toestemming: OCMW-GENT-2027-118');
    expect(text).toContain(
      'op grond van het decreet van 8 juli 2022 over de werk- en zorgtrajecten en het besluit van de Vlaamse Regering van 18 november 2022',
    );
    expect(text).not.toContain('bijlage');
    expect(text).toContain(`Voorwaarden voor beëindiging ${signed.endingConditions}`);
  });

  it('has the three signature lines, each with who signed when (the Brussels date)', async () => {
    const text = await textOf(await renderAgreementPdf(signed));
    expect(text).toContain('Handtekening deelnemer');
    expect(text).toContain('Handtekening begeleider AMA');
    expect(text).toContain('Handtekening werkpost');
    // The participant is never named; how each signed is shown when it was recorded.
    expect(text).toContain('Getekend door de deelnemer op 18 februari 2027 (op papier)');
    expect(text).toContain('Getekend door An Peeters op 21 februari 2027');
    expect(text).toContain('Getekend door Jürgen Maes op 22 februari 2027 (elektronisch)');
    expect(count(text, 'Getekend door')).toBe(3);
  });

  it('a draft that nobody signed has empty signature lines, and an agreement without end date is open-ended', async () => {
    const text = await textOf(await renderAgreementPdf(draft));
    expect(text).toContain('Status: Ontwerp');
    expect(text).toContain('Handtekening deelnemer');
    expect(text).toContain('Handtekening begeleider AMA');
    expect(text).toContain('Handtekening werkpost');
    expect(text).not.toContain('Getekend door');
    expect(text).toContain('Einddatum: onbepaalde duur');
    expect(text).toContain('Geen evaluatiemomenten vastgelegd.');
    // The werkpost has no enterprise number: only the begeleider's is shown.
    expect(count(text, 'Ondernemingsnummer:')).toBe(1);
    expect(text).toContain('Werkpost Naam: Stadsboerderij Noord Adres: Molenweg 3, 2000 Antwerpen');
  });

  it('a partly signed draft shows only the signatures it has', async () => {
    const partly: AgreementDocument = { ...draft, signatures: [signed.signatures[1]!] };
    const text = await textOf(await renderAgreementPdf(partly));
    expect(count(text, 'Getekend door')).toBe(1);
    expect(text).toContain('Getekend door An Peeters op 21 februari 2027');
  });

  it('has a footer with the moment it was generated (Brussels time) on every page', async () => {
    const long: AgreementDocument = { ...signed, activities: Array.from({ length: 60 }, () => signed.activities).join(' ') };
    const pages = await pagesOf(await renderAgreementPdf(long));
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, i) => {
      expect(page).toContain(
        `Gegenereerd op 1 maart 2027 om 10:15 · Overeenkomst ama_01JQ3ZK8M4 · Pagina ${i + 1} van ${pages.length}`,
      );
    });
    // The heading and the three signature lines stay together on one page.
    const last = pages.at(-1) ?? '';
    for (const line of ['Handtekeningen', 'Handtekening deelnemer', 'Handtekening begeleider AMA', 'Handtekening werkpost']) {
      expect(last).toContain(line);
    }
  });

  it('sets the metadata: title, author, language, and the creation date from generatedAt', async () => {
    const { info } = await getMeta(new Uint8Array(await renderAgreementPdf(signed)), { parseDates: true });
    expect(info.Title).toBe(`${AGREEMENT_TITLE} ama_01JQ3ZK8M4`);
    expect(info.Author).toBe('Departement WVG');
    expect(info.Language).toBe('nl-BE');
    expect((info.CreationDate as Date).toISOString()).toBe(signed.generatedAt);
  });

  it('renders the same document to the same bytes', async () => {
    const [a, b] = await Promise.all([renderAgreementPdf(signed), renderAgreementPdf(signed)]);
    expect(a.equals(b)).toBe(true);
  });

  it('refuses a generatedAt that is not a date', async () => {
    await expect(renderAgreementPdf({ ...signed, generatedAt: 'gisteren' })).rejects.toThrow('generatedAt');
  });
});

describe('Dutch long dates', () => {
  it('writes calendar dates as they are, and instants as their Brussels date', () => {
    expect(dutchLongDate('2027-03-01')).toBe('1 maart 2027');
    expect(dutchLongDate('2028-02-29')).toBe('29 februari 2028');
    expect(dutchLongDate('2027-12-31T23:30:00.000Z')).toBe('1 januari 2028');
    expect(dutchLongDate('2027-07-01T21:59:00.000Z')).toBe('1 juli 2027');
  });
});
