/**
 * Charts in an .xlsx that ExcelJS wrote (ExcelJS cannot write charts): the chart and drawing
 * parts are added to the package, each sheet is given one drawing holding its charts, the content
 * types and relationships are completed. A chart is the same as the add-on's: the core's
 * ChartModel, stacked bars by row or (kind 'column') plain columns.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import type { ChartModel } from '../core/status-report';
import { columnLetter } from '../core/text';

export interface SheetChart {
  /** The worksheet's name, as in the workbook. */
  sheet: string;
  chart: ChartModel;
  /** 0-based cell where the chart's top-left corner goes, and its size in columns and rows. */
  at: { row: number; column: number };
  size: { columns: number; rows: number };
}

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A range reference in a formula: 'Sheet name'!$A$8:$A$20. */
function ref(sheet: string, column: number, first: number, last: number): string {
  const c = columnLetter(column);
  return `'${sheet.replace(/'/g, "''")}'!$${c}$${first + 1}:$${c}$${last + 1}`;
}

function chartXml(c: SheetChart): string {
  const m = c.chart;
  const column = m.kind === 'column';
  const cats = ref(c.sheet, m.labelColumn, m.headerRow + 1, m.lastRow);
  const series = m.series
    .map(
      (s, i) =>
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>` +
        `<c:tx><c:strRef><c:f>${esc(ref(c.sheet, s.column, m.headerRow, m.headerRow))}</c:f></c:strRef></c:tx>` +
        `<c:spPr><a:solidFill><a:srgbClr val="${s.color.replace('#', '').toUpperCase()}"/></a:solidFill></c:spPr>` +
        `<c:invertIfNegative val="0"/>` +
        `<c:cat><c:strRef><c:f>${esc(cats)}</c:f></c:strRef></c:cat>` +
        `<c:val><c:numRef><c:f>${esc(ref(c.sheet, s.column, m.headerRow + 1, m.lastRow))}</c:f></c:numRef></c:val></c:ser>`,
    )
    .join('');
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
    `<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
    `<c:roundedCorners val="0"/><c:chart>` +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>${esc(m.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
    `<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="${column ? 'col' : 'bar'}"/><c:grouping val="${column ? 'clustered' : 'stacked'}"/><c:varyColors val="0"/>${series}` +
    `<c:gapWidth val="60"/>${column ? '' : '<c:overlap val="100"/>'}<c:axId val="1001"/><c:axId val="1002"/></c:barChart>` +
    `<c:catAx><c:axId val="1001"/><c:scaling><c:orientation val="${column ? 'minMax' : 'maxMin'}"/></c:scaling><c:delete val="0"/><c:axPos val="${column ? 'b' : 'l'}"/><c:numFmt formatCode="General" sourceLinked="0"/><c:tickLblPos val="nextTo"/><c:crossAx val="1002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/></c:catAx>` +
    `<c:valAx><c:axId val="1002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${column ? 'l' : 'b'}"/><c:majorGridlines/><c:numFmt formatCode="0" sourceLinked="0"/><c:tickLblPos val="nextTo"/><c:crossAx val="1001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>` +
    `</c:plotArea>${column ? '' : '<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>'}<c:plotVisOnly val="1"/></c:chart></c:chartSpace>`
  );
}

function drawingXml(anchors: string[]): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
    `<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">` +
    `${anchors.join('')}</xdr:wsDr>`
  );
}

/** One chart's place in a drawing; `id` is unique within the drawing. */
function anchorXml(c: SheetChart, rId: string, id: number): string {
  const { row, column } = c.at;
  return (
    `<xdr:twoCellAnchor><xdr:from><xdr:col>${column}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
    `<xdr:to><xdr:col>${column + c.size.columns}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row + c.size.rows}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${id}" name="${esc(c.chart.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">` +
    `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="${rId}"/>` +
    `</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
  );
}

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The part of each sheet name: from xl/workbook.xml and its relationships. */
function sheetParts(files: Record<string, Uint8Array>): Map<string, string> {
  const wb = strFromU8(files['xl/workbook.xml'] ?? new Uint8Array());
  const rels = strFromU8(files['xl/_rels/workbook.xml.rels'] ?? new Uint8Array());
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.replace(/^\/?xl\//, '').replace(/^\//, ''));
  }
  const out = new Map<string, string>();
  for (const m of wb.matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const id = /\br:id="([^"]+)"/.exec(m[0])?.[1];
    const target = id ? targets.get(id) : undefined;
    if (name !== undefined && target)
      out.set(
        name
          .replace(/&quot;/g, '"')
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&apos;/g, "'")
          .replace(/&amp;/g, '&'),
        `xl/${target}`,
      );
  }
  return out;
}

/** Adds the charts to the package (one drawing per sheet); returns the new package's bytes. */
export function addCharts(xlsx: Uint8Array, charts: readonly SheetChart[]): Uint8Array {
  if (charts.length === 0) return xlsx;
  const files = unzipSync(xlsx);
  const parts = sheetParts(files);
  let types = strFromU8(files['[Content_Types].xml'] as Uint8Array);
  const bySheet = new Map<string, SheetChart[]>();
  for (const c of charts) bySheet.set(c.sheet, [...(bySheet.get(c.sheet) ?? []), c]);
  let n = 0;
  let d = 0;
  for (const [sheet, list] of bySheet) {
    const sheetPart = parts.get(sheet);
    if (!sheetPart || !files[sheetPart]) continue;
    d++;
    const drawingPart = `xl/drawings/kehoach-drawing${d}.xml`;
    const anchors: string[] = [];
    const drawingRels: string[] = [];
    list.forEach((c, i) => {
      n++;
      const chartPart = `xl/charts/kehoach-chart${n}.xml`;
      files[chartPart] = strToU8(chartXml(c));
      anchors.push(anchorXml(c, `rId${i + 1}`, i + 2));
      drawingRels.push(
        `<Relationship Id="rId${i + 1}" Type="${REL}/chart" Target="../charts/kehoach-chart${n}.xml"/>`,
      );
      types = types.replace(
        '</Types>',
        `<Override PartName="/${chartPart}" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/></Types>`,
      );
    });
    files[drawingPart] = strToU8(drawingXml(anchors));
    files[`xl/drawings/_rels/kehoach-drawing${d}.xml.rels`] = strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${drawingRels.join('')}</Relationships>`,
    );
    types = types.replace(
      '</Types>',
      `<Override PartName="/${drawingPart}" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/></Types>`,
    );
    // The sheet's relationships: add one to the drawing.
    const relsPart = sheetPart.replace(/worksheets\/([^/]+)$/, 'worksheets/_rels/$1.rels');
    let rels = files[relsPart]
      ? strFromU8(files[relsPart] as Uint8Array)
      : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
    const rId = `rIdKehoach${d}`;
    rels = rels.replace(
      '</Relationships>',
      `<Relationship Id="${rId}" Type="${REL}/drawing" Target="../drawings/kehoach-drawing${d}.xml"/></Relationships>`,
    );
    files[relsPart] = strToU8(rels);
    // The sheet: <drawing> goes before <legacyDrawing> (notes) and the parts that follow it.
    let xml = strFromU8(files[sheetPart] as Uint8Array);
    if (!/xmlns:r=/.test(xml.slice(0, 1000)))
      xml = xml.replace('<worksheet ', `<worksheet xmlns:r="${REL}" `);
    const drawing = `<drawing r:id="${rId}"/>`;
    const before =
      /<(legacyDrawing|legacyDrawingHF|drawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)\b/.exec(
        xml,
      );
    xml = before
      ? `${xml.slice(0, before.index)}${drawing}${xml.slice(before.index)}`
      : xml.replace('</worksheet>', `${drawing}</worksheet>`);
    files[sheetPart] = strToU8(xml);
  }
  files['[Content_Types].xml'] = strToU8(types);
  const zippable: Zippable = {};
  for (const [name, data] of Object.entries(files)) zippable[name] = data;
  return zipSync(zippable, { level: 6 });
}
