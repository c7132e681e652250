import { useState } from 'preact/hooks';
import type { Audience, Site } from '~/domain/configuration/configuration';
import type { SiteData } from '~/domain/site-data';
import { Dialog, focusFirstControl } from '../shared/Dialog';
import { LazyPart, lazyPart } from '../shared/LazyPart';
import type { SwapComparisonProps } from './SwapComparison';
import './SwapDialog.css';

const swapComparison = lazyPart<SwapComparisonProps>(() => import('./SwapComparison').then((m) => m.SwapComparison));

interface Props {
  data: SiteData;
  audience: Audience;
  site: Site;
  /** The line being swapped; null when the dialog is closed. */
  lineIndex: number | null;
  onClose: () => void;
  /** Called after the swap, with the product swapped to. */
  onSwapped: (name: string) => void;
}

/** Swap a line to another product in the same role; the comparison loads the first time the dialog opens. */
export function SwapDialog({ data, audience, site, lineIndex, onClose, onSwapped }: Props) {
  const [onlyDifferences, setOnlyDifferences] = useState(false);
  const line = lineIndex === null ? undefined : site.lines[lineIndex];
  const current = line ? data.catalog.get(line.productId) : undefined;
  return (
    <Dialog title={current ? `Swap the ${current.name}` : 'Swap'} open={!!current} onClose={onClose} wide>
      {lineIndex !== null && (
        <LazyPart
          part={swapComparison}
          props={{ data, audience, site, lineIndex, onlyDifferences, onOnlyDifferences: setOnlyDifferences, onClose, onSwapped }}
          what="the options"
          onArrived={focusFirstControl}
        />
      )}
    </Dialog>
  );
}
