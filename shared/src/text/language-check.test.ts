import { describe, expect, it } from '@jest/globals';
import { detectOtherLanguage } from './language-check.js';

const SAMPLES = {
  en: 'Migrants cannot see a doctor without papers, and many are afraid of being reported to the police at the clinic.',
  fr: 'Les personnes migrantes ne peuvent pas consulter un médecin sans papiers et ont peur d’être dénoncées à la police.',
  es: 'Las personas migrantes no pueden acceder a la atención sanitaria sin documentos y temen ser denunciadas a la policía.',
  ar: 'لا يستطيع المهاجرون رؤية طبيب بدون أوراق، ويخشى كثيرون منهم أن يتم الإبلاغ عنهم للشرطة في العيادة.',
} as const;

describe('detectOtherLanguage', () => {
  it.each(Object.entries(SAMPLES))('finds nothing to flag when a %s text declares its own language', (lang, text) => {
    expect(detectOtherLanguage(text, lang as keyof typeof SAMPLES)).toBeNull();
  });

  it('flags a Spanish text declared French as Spanish', () => {
    expect(detectOtherLanguage(SAMPLES.es, 'fr')).toBe('es');
  });

  it('flags a French text declared Spanish as French', () => {
    expect(detectOtherLanguage(SAMPLES.fr, 'es')).toBe('fr');
  });

  it('flags an English text declared Arabic, and an Arabic one declared English', () => {
    expect(detectOtherLanguage(SAMPLES.en, 'ar')).toBe('en');
    expect(detectOtherLanguage(SAMPLES.ar, 'en')).toBe('ar');
  });

  it('does not guess on a text too short to tell', () => {
    expect(detectOtherLanguage('Sin papeles.', 'fr')).toBeNull();
  });

  it('does not flag a text in a language the platform has no catalog for', () => {
    const portuguese =
      'As pessoas migrantes não conseguem acessar os serviços de saúde sem documentos e têm medo de ser denunciadas.';
    expect(detectOtherLanguage(portuguese, 'es')).toBeNull();
  });
});
