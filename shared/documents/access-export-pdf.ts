/**
 * The answer to an access request (GDPR art. 15) as a Dutch A4 PDF: what the department holds about one
 * client, who read it and when, and how long it is kept. Standard Helvetica, like the AMA agreement; pdfkit
 * is loaded on the first document asked for and stays out of the bundle (`nodeModules: ['pdfkit']`, see
 * ama-agreement-pdf.ts).
 */
import type PdfKitModule from 'pdfkit';
import { dutchLongDate } from './ama-agreement-pdf.ts';

export interface AccessExportDocument {
  clientReference: string;
  answeredAt: string;
  trajectories: ReadonlyArray<{
    trajectory: {
      trajectoryId: string;
      status: string;
      startDate: string;
      plannedEndDate: string;
      endDate?: string | undefined;
      outcome?: string | undefined;
      client?: { reference: string; birthDate: string } | undefined;
      casemanagerZorg: { id: string; email: string };
      casemanagerWerk: { id: string; email: string };
    };
    auditTrail: ReadonlyArray<{ at: string; by: string; role: string; action: string }>;
    clientDataUntil?: string | undefined;
  }>;
}

type PdfKit = typeof PdfKitModule;
let pdfkit: Promise<{ default: PdfKit }> | undefined;

const STATUS: Record<string, string> = { ACTIVE: 'lopend', CLOSED: 'afgesloten' };

export async function renderAccessExportPdf(doc: AccessExportDocument): Promise<Buffer> {
  const { default: PDFDocument } = await (pdfkit ??= import('pdfkit') as unknown as Promise<{ default: PdfKit }>);
  const answeredAt = new Date(doc.answeredAt);
  const pdf = new PDFDocument({
    size: 'A4',
    margin: 56,
    lang: 'nl-BE',
    displayTitle: true,
    font: 'Helvetica',
    info: {
      Title: 'Antwoord op een verzoek tot inzage (AVG art. 15)',
      Author: 'Departement WVG',
      CreationDate: answeredAt,
      ModDate: answeredAt,
    },
  });
  const chunks: Uint8Array[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('data', (chunk: Uint8Array) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  pdf.font('Helvetica-Bold').fontSize(16).text('Antwoord op een verzoek tot inzage');
  pdf.moveDown(0.5).font('Helvetica').fontSize(10);
  pdf.text(
    `Gegevens die het Departement Welzijn, Volksgezondheid en Gezin bewaart over de cliënt met referentie ${doc.clientReference}, ` +
      `in het kader van de werk- en zorgtrajecten, op ${dutchLongDate(doc.answeredAt)}.`,
  );
  if (doc.trajectories.length === 0) pdf.moveDown().text('Wij bewaren over deze cliënt geen gegevens.');
  for (const [i, { trajectory: t, auditTrail, clientDataUntil }] of doc.trajectories.entries()) {
    pdf
      .moveDown()
      .font('Helvetica-Bold')
      .fontSize(12)
      .text(`Activeringstraject ${i + 1}`);
    pdf.font('Helvetica').fontSize(10);
    const lines = [
      `Nummer: ${t.trajectoryId}`,
      `Toestand: ${STATUS[t.status] ?? t.status}`,
      `Start: ${dutchLongDate(t.startDate)}; gepland einde: ${dutchLongDate(t.plannedEndDate)}`,
      ...(t.endDate ? [`Afgesloten op: ${dutchLongDate(t.endDate)}${t.outcome ? ` (uitkomst: ${t.outcome})` : ''}`] : []),
      ...(t.client
        ? [`Cliëntgegevens: referentie ${t.client.reference}, geboortedatum ${dutchLongDate(t.client.birthDate)}`]
        : []),
      `Casemanager Zorg: ${t.casemanagerZorg.email}; casemanager Werk: ${t.casemanagerWerk.email}`,
      clientDataUntil
        ? `Bewaring: de cliëntgegevens worden bewaard tot ${dutchLongDate(clientDataUntil)} en daarna gewist.`
        : 'Bewaring: de cliëntgegevens worden bewaard tot vijf jaar na het einde van het traject en daarna gewist.',
    ];
    for (const line of lines) pdf.text(line);
    pdf.moveDown(0.5).font('Helvetica-Bold').text('Wie las of wijzigde dit traject');
    pdf.font('Helvetica');
    if (auditTrail.length === 0) pdf.text('Niemand.');
    for (const entry of auditTrail)
      pdf.text(`${dutchLongDate(entry.at)} ${entry.at.slice(11, 16)} UTC: ${entry.by} (${entry.role}), ${entry.action}`);
  }
  pdf
    .moveDown()
    .fontSize(9)
    .text(
      'U kunt deze gegevens laten verbeteren of, voor afgesloten trajecten, laten wissen. Neem daarvoor contact op met de ' +
        'functionaris voor gegevensbescherming van het departement.',
    );
  pdf.end();
  return done;
}
