import type { LegalBasis } from './case';
import type { ReportLanguage } from './texts-by-language';

/**
 * A legal basis as lawyers write it in each language: "ч. 5 ст. 147 УК РК",
 * "ҚР ҚК 147-бабының 5-бөлігі", "Article 147(5) of the Criminal Code". A basis under another law
 * is its article and part alone.
 */
const CODES: Readonly<Record<ReportLanguage, Readonly<Record<LegalBasis['code'], string>>>> = {
  en: {
    'criminal-code': 'the Criminal Code',
    'administrative-offences-code': 'the Code of Administrative Offences',
    'civil-code': 'the Civil Code',
    'criminal-procedure-code': 'the Criminal Procedure Code',
    'civil-procedure-code': 'the Civil Procedure Code',
    'administrative-procedure-code': 'the Administrative Procedural Code',
    other: '',
  },
  ru: {
    'criminal-code': 'УК РК',
    'administrative-offences-code': 'КоАП РК',
    'civil-code': 'ГК РК',
    'criminal-procedure-code': 'УПК РК',
    'civil-procedure-code': 'ГПК РК',
    'administrative-procedure-code': 'АППК РК',
    other: '',
  },
  kk: {
    'criminal-code': 'ҚР ҚК',
    'administrative-offences-code': 'ҚР ӘҚБтК',
    'civil-code': 'ҚР АК',
    'criminal-procedure-code': 'ҚР ҚПК',
    'civil-procedure-code': 'ҚР АПК',
    'administrative-procedure-code': 'ҚР ӘРПК',
    other: '',
  },
};

export function formatLegalBasis(
  basis: Pick<LegalBasis, 'code' | 'article' | 'part'>,
  language: ReportLanguage,
): string {
  const code = CODES[language][basis.code];
  const article = basis.article.trim();
  const part = basis.part.trim();
  switch (language) {
    case 'en': {
      const cited = `Article ${article}${part ? `(${part})` : ''}`;
      return code ? `${cited} of ${code}` : cited;
    }
    case 'ru':
      return [part ? `ч. ${part} ст. ${article}` : `ст. ${article}`, code].filter(Boolean).join(' ');
    case 'kk':
      return [code, part ? `${article}-бабының ${part}-бөлігі` : `${article}-бабы`].filter(Boolean).join(' ');
  }
}
