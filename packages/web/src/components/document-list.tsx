import { DateText, FileSize } from '@/components/format';

/** What a list of files shows of each: its download link, date and size. */
export interface ListedDocument {
  id: string;
  url: string;
  name: string;
  date?: string | null;
  size?: number | null;
}

/**
 * Files to download (the dashboard's latest, an order's, an invoice's), or `empty` when there
 * are none. The link downloads through the gateway, which checks who asks.
 */
export function DocumentList({
  documents,
  empty,
}: {
  documents: readonly ListedDocument[];
  empty: React.ReactNode;
}) {
  if (documents.length === 0) return <>{empty}</>;
  return (
    <ul className="mini-list">
      {documents.map((document) => (
        <li key={document.id}>
          <div>
            <a href={document.url} download>
              {document.name}
            </a>
            <span className="muted small">
              <DateText value={document.date} /> · <FileSize value={document.size} />
            </span>
          </div>
        </li>
      ))}
    </ul>
  );
}
