import { useState } from 'preact/hooks';
import type { Audience, Site } from '~/domain/configuration/configuration';
import type { SiteData } from '~/domain/site-data';
import { Dialog, focusFirstControl } from '../shared/Dialog';
import { LazyPart, lazyPart } from '../shared/LazyPart';
import type { AddChoice, AddProductsProps } from './AddProducts';
import './AddDialog.css';

const addProducts = lazyPart<AddProductsProps>(() => import('./AddProducts').then((m) => m.AddProducts));

interface Props {
  data: SiteData;
  audience: Audience;
  site: Site;
  open: boolean;
  onClose: () => void;
  /** Told what was added, to announce it. */
  onAdded: (message: string) => void;
}

/** Add products to a site; the list loads the first time the dialog opens. */
export function AddDialog({ data, audience, site, open, onClose, onAdded }: Props) {
  const [choice, setChoice] = useState<AddChoice>({ group: 'video', role: '', quantity: 1 });
  return (
    <Dialog title={`Add products to ${site.name}`} open={open} onClose={onClose} wide>
      <LazyPart part={addProducts} props={{ data, audience, site, choice, onChoice: setChoice, onClose, onAdded }} what="the products" onArrived={focusFirstControl} />
    </Dialog>
  );
}
