import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { shopSearch, type LinkedProduct } from '../../domain/clip/product';
import { POST_MAX_CHARS } from '../../domain/edit/postText';
import { formatBytes } from '../../domain/format';
import { TIKTOK_UPLOAD_URL } from '../../domain/shorts/tiktok';
import { canShareFile, copyText, handOffToUploader, shareShort, type DesktopHandoff } from '../../app/handoff';
import { ErrorNote } from './ErrorNote';
import { messageOf } from '../../domain/errors/messageOf';

interface Props {
  file: File;
  postText: string;
  /** The edited text, when it changed (on close and before it is handed over). */
  onPostText?: (text: string) => void;
  product: LinkedProduct;
  onClose: () => void;
  /** What the file is, when it is not a finished short (the raw clip), and where the short is made. */
  about?: ComponentChildren;
}

type Outcome = { kind: 'shared' | 'share-cancelled'; copied: boolean } | ({ kind: 'desktop' } & DesktopHandoff);

const LIMIT_NOTE = `${POST_MAX_CHARS.toLocaleString('en-US')} characters is the caption limit of TikTok's upload API; the TikTok app allows longer captions for some accounts.`;

/**
 * Hands one MP4 to TikTok: the share sheet where the browser can share files (phones), otherwise
 * the file saved, the post text copied and TikTok's web uploader opened, with a three-step guide.
 * The post text is editable here, counted against TikTok's limit.
 */
export function UploadDialog({ file, postText, onPostText, product, onClose, about }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const action = useRef<HTMLButtonElement>(null);
  const [text, setText] = useState(postText);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** The share sheet where the browser can share files; TikTok's web uploader otherwise, or when the user asks for it. */
  const [share, setShare] = useState(() => canShareFile(file));
  const over = text.length > POST_MAX_CHARS;

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    // Open on the action, not in the post text (the first field): a focused text box pops up a phone's keyboard over the dialog.
    action.current?.focus();
  }, []);
  const keepText = () => text !== postText && onPostText?.(text);

  const go = async () => {
    keepText();
    setError(null);
    setBusy(true);
    try {
      const title = product.name ?? product.id;
      if (share) {
        const { outcome: result, copied } = await shareShort({ file, text, title });
        setOutcome({ kind: result === 'shared' ? 'shared' : 'share-cancelled', copied });
      } else {
        setOutcome({ kind: 'desktop', ...(await handOffToUploader({ file, text, title })) });
      }
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  const copyAgain = async () => {
    const copied = await copyText(text);
    setOutcome((o) => (o ? { ...o, copied } : o));
  };

  const saved = outcome?.kind === 'desktop' ? outcome.saved : undefined;
  return (
    <dialog
      ref={dialog}
      class="upload-dialog"
      aria-labelledby="upload-title"
      data-testid="upload-dialog"
      onClose={() => {
        keepText();
        onClose();
      }}
    >
      <h2 id="upload-title">Upload to TikTok</h2>
      <p class="muted small">
        {file.name} · {formatBytes(file.size)}
      </p>
      {about}
      <label class="field wide">
        <span>Post text</span>
        <textarea rows={6} value={text} onInput={(e) => setText(e.currentTarget.value)} aria-label="Post text to upload" aria-describedby="post-count" />
      </label>
      <p id="post-count" class={`small post-count${over ? ' over' : ''}`} data-testid="post-count" title={LIMIT_NOTE}>
        {text.length.toLocaleString('en-US')} / {POST_MAX_CHARS.toLocaleString('en-US')} characters
        {over && ': longer than TikTok’s uploader takes — shorten it, or post from the TikTok app if your account allows longer captions.'}
      </p>
      <p class="muted small">{LIMIT_NOTE}</p>

      <button ref={action} type="button" class="btn primary" onClick={go} disabled={busy}>
        {share ? 'Share to TikTok…' : 'Save video, copy text, open TikTok'}
      </button>
      {share && (
        // Desktop Safari and Chrome on Windows share files too, to apps that may not include TikTok.
        <button
          type="button"
          class="btn ghost small"
          onClick={() => {
            setShare(false);
            setOutcome(null);
          }}
        >
          Use TikTok’s web uploader instead
        </button>
      )}
      {error && <ErrorNote message={`The video could not be handed over: ${error}`} onDismiss={() => setError(null)} />}

      {share ? (
        outcome && (
          <p class="note" role="status" data-testid="upload-result">
            {outcome.kind === 'shared' ? 'Shared. ' : 'Sharing was cancelled. '}
            {outcome.copied && 'The post text is copied too: paste it if TikTok leaves the caption empty. '}
            In TikTok, add the product link: <SearchFor product={product} />.
          </p>
        )
      ) : (
        <>
          {saved === 'cancelled' && (
            <p class="note warn" role="status">
              Saving was cancelled, so TikTok was not opened.
            </p>
          )}
          <UploadGuide fileName={file.name} saved={saved} copied={outcome?.copied === true} product={product} onCopy={copyAgain} />
        </>
      )}
      <button type="button" class="btn ghost" onClick={() => dialog.current?.close()}>
        Close
      </button>
    </dialog>
  );
}

/** "search for 1729… or “Glow Serum”": the shop id only where the product has one (typed names have none). */
function SearchFor({ product }: { product: LinkedProduct }) {
  const { id, name } = shopSearch(product);
  return (
    <>
      search for {id && <strong>{id}</strong>}
      {id && name && ' or '}
      {name && `“${name}”`}
    </>
  );
}

/** The steps after the video is saved and the text copied: in TikTok's web uploader, or on a phone in the TikTok app. */
function UploadGuide({
  fileName,
  saved,
  copied,
  product,
  onCopy,
}: {
  fileName: string;
  saved: DesktopHandoff['saved'] | undefined;
  copied: boolean;
  product: LinkedProduct;
  onCopy: () => void;
}) {
  /** A phone without a share sheet for files: the TikTok app is where the video gets posted. */
  const [phone] = useState(() => matchMedia('(pointer: coarse)').matches);
  return (
    <>
      <ol class="upload-guide" data-testid="upload-guide">
        {phone ? (
          <li>
            Open the <strong>TikTok app</strong>, tap <strong>+</strong>, then <strong>Upload</strong>, and choose <strong>{fileName}</strong>
            {saved === 'downloaded' ? ' from your downloads.' : saved === 'picked' ? ' where you saved it.' : '.'}
          </li>
        ) : (
          <li>
            Drop <strong>{fileName}</strong> into the uploader
            {saved === 'downloaded' ? ' (it is in your downloads).' : saved === 'picked' ? ' (saved where you chose).' : '.'}
          </li>
        )}
        <li>
          Paste the post text into the description{copied ? ' — it is copied.' : '.'}{' '}
          <button type="button" class="btn ghost small" onClick={onCopy}>
            Copy text
          </button>
        </li>
        <li>
          Add the product link: <em>Add link → Products</em>, then <SearchFor product={product} />.
          {product.url && (
            <>
              {' '}
              Its page:{' '}
              <a href={product.url} target="_blank" rel="noopener noreferrer">
                {product.url}
              </a>
            </>
          )}
        </li>
      </ol>
      <p class="muted small">
        {phone
          ? 'This browser cannot hand a video to the TikTok app directly, so the video is saved and the text copied for you to post there. '
          : saved === 'picked' || saved === 'downloaded'
            ? 'TikTok Studio opened in a new tab. '
            : 'TikTok Studio opens in a new tab. '}
        <a href={TIKTOK_UPLOAD_URL} target="_blank" rel="noopener noreferrer">
          {phone ? 'Or open TikTok’s website' : 'Open the uploader'}
        </a>
      </p>
    </>
  );
}
