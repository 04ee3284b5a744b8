import { formatClock } from '../../domain/format';
import type { Clip } from '../../domain/clipOverride';

interface Props {
  picks: Clip[];
  selected: number | null;
  onSelect: (rank: number) => void;
}

export function ClipList({ picks, selected, onSelect }: Props) {
  return (
    <table class="clips" data-testid="clip-list">
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">Product</th>
          <th scope="col">Range</th>
          <th scope="col" class="num">Length</th>
          <th scope="col" class="num">Clicks</th>
          <th scope="col" class="num">Score</th>
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
              <span class="product">{p.productName ?? p.productId}</span>
              <span class="muted small"> {p.productId}</span>
              {p.trimmed && <span class="tag">trimmed</span>}
            </td>
            <td>
              {formatClock(p.start)}–{formatClock(p.end)}
            </td>
            <td class="num">{Math.round((p.end - p.start) * 10) / 10} s</td>
            <td class="num">{p.counts.click}</td>
            <td class="num">{p.score}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
