import { formatClock } from '../../domain/format';
import type { Clip } from '../../domain/clip/override';
import { posterTime } from '../../app/browser/clipPoster';
import { ClipPoster } from './ClipPoster';

interface Props {
  /** Poster frames come from it. */
  recording: Blob;
  picks: Clip[];
  selected: number | null;
  onSelect: (rank: number) => void;
}

/** A clip's length as the list shows it: "21 s", "8.5 s". */
export const clipLength = (clip: Clip) => `${Math.round((clip.end - clip.start) * 10) / 10} s`;

export function ClipList({ recording, picks, selected, onSelect }: Props) {
  return (
    <table class="clips" data-testid="clip-list">
      <caption class="muted small">
        Score: how strong the moment is. Each click on the clip's product in the clip counts 1, an add-to-cart 3 and an order 5 (the weights are in the
        settings); the clip's explanation says what else counted.
      </caption>
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">Product</th>
          <th scope="col">Range</th>
          <th scope="col" class="num">
            Length
          </th>
          <th scope="col" class="num">
            Clicks
          </th>
          <th scope="col" class="num">
            Score
          </th>
        </tr>
      </thead>
      <tbody>
        {picks.map((p) => (
          <tr
            key={p.rank}
            class={selected === p.rank ? 'selected' : ''}
            aria-selected={selected === p.rank}
            tabIndex={0}
            onClick={() => onSelect(p.rank)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === ' ') {
                e.preventDefault();
                onSelect(p.rank);
              }
            }}
          >
            <td>{p.rank}</td>
            <td>
              <div class="clip-cell">
                <ClipPoster recording={recording} atSec={posterTime(p)} productIndex={p.productIndex} name={p.productName ?? p.productId} />
                <div>
                  <span class="product">{p.productName ?? p.productId}</span>
                  <span class="muted small product-id"> {p.productId}</span>
                  {p.trimmed && <span class="tag">trimmed</span>}
                </div>
              </div>
            </td>
            <td>
              {formatClock(p.start)}–{formatClock(p.end)}
            </td>
            <td class="num">{clipLength(p)}</td>
            <td class="num">{p.counts.click}</td>
            <td class="num">{p.score}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
