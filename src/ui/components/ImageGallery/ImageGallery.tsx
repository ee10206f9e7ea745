import type { ImageView } from '../../../worker/protocol';
import { useAppStore } from '../../store/AppStoreContext';
import { selectLanguage } from '../../store/selectors';
import { useT } from '../../useT';

/** Decoded card images (face photo, name/address/security-code PNGs), drawn from data URLs (docs/card-reference.md §8.2). */
export function ImageGallery({ images }: { images: readonly ImageView[] }) {
  const t = useT();
  const language = useAppStore(selectLanguage);
  if (images.length === 0) return null;
  return (
    <div className="images">
      <h4>{t('detail.images')}</h4>
      <div className="image-grid">
        {images.map((image) => {
          const label = language === 'ja' ? image.labelJa : image.label;
          return (
            <figure key={image.label} data-testid="card-image">
              <img src={image.dataUrl} width={image.width} height={image.height} alt={label} />
              <figcaption className="small muted">{label}</figcaption>
            </figure>
          );
        })}
      </div>
    </div>
  );
}
