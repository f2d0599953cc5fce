/**
 * The AMA agreement as a Dutch A4 PDF: the document the participant, the begeleider AMA and the werkpost
 * sign. It is the only place the participant's name, national register number, reference and birth date are
 * printed: it is meant for the parties. Standard Helvetica only (WinAnsi covers ë, é, …), so no font is embedded; the output is
 * deterministic (its dates come from `generatedAt`), so the same document renders to the same bytes.
 *
 * Bundling: pdfkit's Node build loads the metrics of its standard fonts at run time with
 * `createRequire(import.meta.url)('#standard-fonts/Helvetica')`, resolved through pdfkit's own package.json
 * `imports`. esbuild cannot follow that, so a function that imports this module must keep pdfkit out of
 * the bundle: `nodeModules: ['pdfkit']` in its NodejsFunction bundling options. It is imported on the first
 * document asked for, not at the function's start: the other route of its function (GET of an agreement)
 * then does not pay pdfkit's 150–200 ms of import at every cold start (bench: AmaAudited).
 */
import type PdfKitModule from 'pdfkit';
import { BRUSSELS_TIME_ZONE } from '../domain/calendar.ts';
import { formatEnterpriseNumber } from '../domain/enterprise-number.ts';
import { formatNationalRegisterNumber } from '../domain/national-register-number.ts';
import type { AgreementDocument } from './agreement-document.ts';

export const AGREEMENT_TITLE = 'Overeenkomst arbeidsmatige activiteiten (AMA)';
const AUTHOR = 'Departement WVG';
const LANGUAGE = 'nl-BE';

const STATUS_LABELS: Record<AgreementDocument['status'], string> = {
  DRAFT: 'Ontwerp (nog niet door alle partijen getekend)',
  ACTIVE: 'Actief',
  ENDED: 'Beëindigd',
};

type Day = AgreementDocument['weeklySchedule'][number]['day'];
const DAYS: Record<Day, { name: string; order: number }> = {
  MA: { name: 'maandag', order: 1 },
  DI: { name: 'dinsdag', order: 2 },
  WO: { name: 'woensdag', order: 3 },
  DO: { name: 'donderdag', order: 4 },
  VR: { name: 'vrijdag', order: 5 },
  ZA: { name: 'zaterdag', order: 6 },
  ZO: { name: 'zondag', order: 7 },
};

type Party = AgreementDocument['signatures'][number]['party'];
const SIGNATURE_LINES: ReadonlyArray<{ party: Party; label: string }> = [
  { party: 'PARTICIPANT', label: 'Handtekening deelnemer' },
  { party: 'BEGELEIDER', label: 'Handtekening begeleider AMA' },
  { party: 'WERKPOST', label: 'Handtekening werkpost' },
];

// Calendar dates (YYYY-MM-DD) are formatted as the date they name; instants as their Brussels date.
const calendarDateFormat = new Intl.DateTimeFormat(LANGUAGE, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const instantDateFormat = new Intl.DateTimeFormat(LANGUAGE, {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: BRUSSELS_TIME_ZONE,
});
const instantTimeFormat = new Intl.DateTimeFormat(LANGUAGE, {
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: BRUSSELS_TIME_ZONE,
});

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function toInstant(value: string, field: string): Date {
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) throw new Error(`${field} is not a date: ${value}`);
  return instant;
}

/** `2027-03-01` → `1 maart 2027`; an instant (ISO timestamp) → its Europe/Brussels date, written the same way. */
export function dutchLongDate(value: string): string {
  const match = CALENDAR_DATE.exec(value);
  if (match) {
    const [, y, m, d] = match.map(Number) as [number, number, number, number];
    return calendarDateFormat.format(new Date(Date.UTC(y, m - 1, d)));
  }
  return instantDateFormat.format(toInstant(value, 'date'));
}

/** An instant → `1 maart 2027 om 10:15` (Europe/Brussels). */
function dutchDateTime(value: string): string {
  const instant = toInstant(value, 'generatedAt');
  return `${instantDateFormat.format(instant)} om ${instantTimeFormat.format(instant)}`;
}

const MARGIN = 56; // 2 cm
const FOOTER_HEIGHT = 24;
const FONT = 'Helvetica';
const FONT_BOLD = 'Helvetica-Bold';
const COLOR_TEXT = '#000000';
const COLOR_MUTED = '#555555';

type Pdf = PDFKit.PDFDocument;

/** Renders the agreement as an A4 PDF, in Dutch. */
type PdfKit = typeof PdfKitModule;
let pdfkit: Promise<{ default: PdfKit }> | undefined;

export async function renderAgreementPdf(doc: AgreementDocument): Promise<Buffer> {
  const generatedAt = toInstant(doc.generatedAt, 'generatedAt');
  const { default: PDFDocument } = await (pdfkit ??= import('pdfkit') as unknown as Promise<{ default: PdfKit }>);
  const pdf: Pdf = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN + FOOTER_HEIGHT, left: MARGIN, right: MARGIN },
    bufferPages: true, // the footer ("pagina 1 van 2") is written once all pages exist
    lang: LANGUAGE,
    displayTitle: true,
    font: FONT,
    info: {
      Title: `${AGREEMENT_TITLE} ${doc.agreementId}`,
      Author: AUTHOR,
      Subject: 'Overeenkomst tussen de deelnemer, de begeleider AMA en de werkpost',
      Creator: AUTHOR,
      CreationDate: generatedAt,
      ModDate: generatedAt,
    },
  });

  const chunks: Uint8Array[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('data', (chunk: Uint8Array) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });

  writeBody(pdf, doc);
  writeFooters(pdf, doc);
  pdf.end();
  return done;
}

function contentWidth(pdf: Pdf): number {
  return pdf.page.width - pdf.page.margins.left - pdf.page.margins.right;
}

function spaceLeft(pdf: Pdf): number {
  return pdf.page.height - pdf.page.margins.bottom - pdf.y;
}

/** Starts a new page when fewer than `height` points are left, so a heading never ends a page. */
function keepTogether(pdf: Pdf, height: number): void {
  if (spaceLeft(pdf) < height) pdf.addPage();
}

function heading(pdf: Pdf, text: string): void {
  keepTogether(pdf, 60);
  pdf.moveDown(0.8);
  pdf
    .font(FONT_BOLD)
    .fontSize(12)
    .fillColor(COLOR_TEXT)
    .text(text, pdf.page.margins.left, pdf.y, { width: contentWidth(pdf) });
  pdf.moveDown(0.3);
  pdf.font(FONT).fontSize(10.5);
}

function paragraph(pdf: Pdf, text: string): void {
  pdf
    .font(FONT)
    .fontSize(10.5)
    .fillColor(COLOR_TEXT)
    .text(text, pdf.page.margins.left, pdf.y, { width: contentWidth(pdf), lineGap: 2 });
}

/** `Label: value`, the label in bold. */
function field(pdf: Pdf, label: string, value: string): void {
  pdf
    .font(FONT_BOLD)
    .fontSize(10.5)
    .fillColor(COLOR_TEXT)
    .text(`${label}: `, pdf.page.margins.left, pdf.y, { width: contentWidth(pdf), continued: true, lineGap: 2 })
    .font(FONT)
    .text(value, { lineGap: 2 });
}

function partyHeading(pdf: Pdf, text: string): void {
  keepTogether(pdf, 50);
  pdf.moveDown(0.4);
  pdf
    .font(FONT_BOLD)
    .fontSize(10.5)
    .fillColor(COLOR_TEXT)
    .text(text, pdf.page.margins.left, pdf.y, { width: contentWidth(pdf) });
}

function writeBody(pdf: Pdf, doc: AgreementDocument): void {
  const left = pdf.page.margins.left;
  pdf
    .font(FONT_BOLD)
    .fontSize(17)
    .fillColor(COLOR_TEXT)
    .text(AGREEMENT_TITLE, left, pdf.y, { width: contentWidth(pdf) });
  pdf.moveDown(0.4);
  field(pdf, 'Overeenkomst', doc.agreementId);
  field(pdf, 'Status', STATUS_LABELS[doc.status]);
  pdf.moveDown(0.5);
  pdf
    .font(FONT)
    .fontSize(9.5)
    .fillColor(COLOR_MUTED)
    .text(
      'Overeenkomst tussen de deelnemer, de erkende begeleider AMA en de werkpost over arbeidsmatige activiteiten ' +
        `op grond van ${doc.legalBasis}.`,
      left,
      pdf.y,
      { width: contentWidth(pdf), lineGap: 1.5 },
    );

  heading(pdf, 'Partijen');
  partyHeading(pdf, 'Deelnemer');
  // Drawn up before the identity was recorded: a line to fill in by hand.
  field(pdf, 'Naam', doc.participant.identity?.name ?? '................................................');
  field(
    pdf,
    'Rijksregisternummer',
    doc.participant.identity ? formatNationalRegisterNumber(doc.participant.identity.nationalRegisterNumber) : '..............................',
  );
  field(pdf, 'Referentie', doc.participant.reference);
  field(pdf, 'Geboortedatum', dutchLongDate(doc.participant.birthDate));

  if (doc.participantStatus) {
    field(pdf, 'Toegang tot AMA', PERMISSION_LABELS[doc.participantStatus.permission]);
    field(pdf, 'Referentie toeleiding of toestemming', doc.participantStatus.reference);
  }

  partyHeading(pdf, 'Begeleider AMA');
  field(pdf, 'Naam', doc.begeleider.name);
  field(pdf, 'Ondernemingsnummer', formatEnterpriseNumber(doc.begeleider.enterpriseNumber));

  partyHeading(pdf, 'Werkpost');
  field(pdf, 'Naam', doc.werkpost.name);
  if (doc.werkpost.enterpriseNumber) field(pdf, 'Ondernemingsnummer', formatEnterpriseNumber(doc.werkpost.enterpriseNumber));
  const { street, postcode, municipality } = doc.werkpost.address;
  field(pdf, 'Adres', `${street}, ${postcode} ${municipality}`);
  if (doc.werkpostbegeleider) {
    field(pdf, 'Werkpostbegeleider', doc.werkpostbegeleider.name);
    if (doc.werkpostbegeleider.phone) field(pdf, 'Telefoon', doc.werkpostbegeleider.phone);
    if (doc.werkpostbegeleider.email) field(pdf, 'E-mail', doc.werkpostbegeleider.email);
  }

  heading(pdf, 'Activiteiten');
  paragraph(pdf, doc.activities);

  heading(pdf, 'Weekrooster');
  const schedule = [...doc.weeklySchedule].sort((a, b) => DAYS[a.day].order - DAYS[b.day].order);
  if (schedule.length === 0) paragraph(pdf, 'Geen vast weekrooster.');
  for (const slot of schedule) field(pdf, DAYS[slot.day].name, `van ${slot.from} tot ${slot.to}`);
  field(pdf, 'Uren per week', String(doc.hoursPerWeek).replace('.', ','));

  heading(pdf, 'Duur');
  field(pdf, 'Startdatum', dutchLongDate(doc.startDate));
  const end = doc.endDate ?? doc.plannedEndDate;
  field(pdf, 'Einddatum', end ? dutchLongDate(end) : 'onbepaalde duur');

  heading(pdf, 'Evaluatiemomenten');
  if (doc.evaluationDates.length === 0) paragraph(pdf, 'Geen evaluatiemomenten vastgelegd.');
  else {
    pdf.font(FONT).fontSize(10.5).fillColor(COLOR_TEXT);
    pdf.list(
      [...doc.evaluationDates].sort().map((date) => dutchLongDate(date)),
      left,
      pdf.y,
      { width: contentWidth(pdf), bulletRadius: 1.5, lineGap: 2 },
    );
  }

  heading(pdf, 'Verzekering');
  field(pdf, 'Verzekeraar', doc.insurance.insurer);
  field(pdf, 'Polisnummer', doc.insurance.policyReference);

  heading(pdf, 'Begeleiding');
  paragraph(pdf, doc.guidance);

  heading(pdf, 'Voorwaarden voor beëindiging');
  paragraph(pdf, doc.endingConditions);

  writeSignatures(pdf, doc);
}

const SIGNATURE_GAP = 18;
const SIGNATURE_LABEL_HEIGHT = 28; // room for a label that wraps onto two lines
const SIGNATURE_SPACE = 44; // where the party signs, above the line
const SIGNATURE_CAPTION_HEIGHT = 36;

/** Three signature boxes side by side: the label, room to sign, a line, and who signed when under it. */
function writeSignatures(pdf: Pdf, doc: AgreementDocument): void {
  const blockHeight = SIGNATURE_LABEL_HEIGHT + SIGNATURE_SPACE + SIGNATURE_CAPTION_HEIGHT;
  keepTogether(pdf, 60 + blockHeight); // the heading and the three boxes stay on one page
  heading(pdf, 'Handtekeningen');
  pdf.moveDown(0.3);
  const top = pdf.y;
  const columnWidth = (contentWidth(pdf) - SIGNATURE_GAP * (SIGNATURE_LINES.length - 1)) / SIGNATURE_LINES.length;
  SIGNATURE_LINES.forEach(({ party, label }, index) => {
    const x = pdf.page.margins.left + index * (columnWidth + SIGNATURE_GAP);
    const lineY = top + SIGNATURE_LABEL_HEIGHT + SIGNATURE_SPACE;
    pdf.font(FONT_BOLD).fontSize(9.5).fillColor(COLOR_TEXT).text(label, x, top, { width: columnWidth });
    pdf
      .moveTo(x, lineY)
      .lineTo(x + columnWidth, lineY)
      .lineWidth(0.75)
      .strokeColor(COLOR_MUTED)
      .stroke();
    const signature = doc.signatures.find((s) => s.party === party);
    if (signature) {
      pdf
        .font(FONT)
        .fontSize(9)
        .fillColor(COLOR_TEXT)
        .text(signatureCaption(signature), x, lineY + 5, {
          width: columnWidth,
          height: SIGNATURE_CAPTION_HEIGHT - 5,
          ellipsis: true,
        });
    }
  });
  pdf.x = pdf.page.margins.left;
  pdf.y = top + blockHeight;
}

const PERMISSION_LABELS = {
  VDAB_REFERRAL: 'toegeleid door VDAB',
  OCMW_PERMISSION: 'met toestemming van het OCMW',
  MEDICAL_ADVISER_PERMISSION: 'met toestemming van de adviserend arts',
} as const;

const METHOD_LABELS = { SCANNED_PAPER: 'op papier', ELECTRONIC: 'elektronisch' } as const;

/** "Getekend door An Peeters op 21 februari 2027 (op papier)"; the participant is never named. */
function signatureCaption(signature: AgreementDocument['signatures'][number]): string {
  const who = signature.party === 'PARTICIPANT' ? 'de deelnemer' : (signature.signerName ?? '');
  const when = dutchLongDate(signature.signedOn ?? signature.signedAt);
  return `Getekend door ${who} op ${when}${signature.method ? ` (${METHOD_LABELS[signature.method]})` : ''}`;
}

/** On every page: when the PDF was made, which agreement, and the page number. */
function writeFooters(pdf: Pdf, doc: AgreementDocument): void {
  const range = pdf.bufferedPageRange();
  const generated = `Gegenereerd op ${dutchDateTime(doc.generatedAt)}`;
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    const { margins, width, height } = pdf.page;
    // Writing below the bottom margin would start a new page: lift the margin while the footer is drawn.
    const bottom = margins.bottom;
    margins.bottom = 0;
    const y = height - MARGIN - 10;
    pdf.font(FONT).fontSize(8.5).fillColor(COLOR_MUTED);
    pdf.text(
      `${generated} · Overeenkomst ${doc.agreementId} · Pagina ${i - range.start + 1} van ${range.count}`,
      margins.left,
      y,
      {
        width: width - margins.left - margins.right,
        height: 2 * FOOTER_HEIGHT,
      },
    );
    margins.bottom = bottom;
  }
}
