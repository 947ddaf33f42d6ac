import type { LegalSection } from '../../i18n/legal.it';
import { LargeText } from '../../ui/LargeText';
import { Page } from '../../ui/Page';
import { useSite } from './useSite';

interface LegalPageProps {
  title: string;
  lead: string;
  sections: (contactEmail: string | null) => LegalSection[];
}

/** A public page of the footer (privacy, legal notes, accessibility): headed sections of plain text. */
export function LegalPage({ title, lead, sections }: LegalPageProps) {
  const site = useSite();
  return (
    <Page title={title} lead={lead}>
      <LargeText>
        {sections(site.data?.contactEmail ?? null).map((section) => (
          <section key={section.title} className="mb-4">
            <h2 className="h4">{section.title}</h2>
            {section.paragraphs.map((paragraph) => (
              <p key={paragraph}>{paragraph}</p>
            ))}
          </section>
        ))}
      </LargeText>
    </Page>
  );
}
