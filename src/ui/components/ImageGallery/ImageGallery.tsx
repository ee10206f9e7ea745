import type { ImageView } from '../../../protocol';
import { useAppStore } from '../../store/AppStoreContext';
import { selectLanguage, selectMyNumberRevealed } from '../../store/selectors';
import { useT } from '../../useT';

/**
 * Decoded card images (face photo, name/address/security-code PNGs), drawn from data URLs (docs/card-reference.md
 * §8.2). The picture of the My Number (§8.1, §17) is not put in the page at all until Reveal: a
 * blurred or hidden `<img>` would still hand its pixels to anyone reading the DOM or a canvas.
 */
export function ImageGallery({ images }: { images: readonly ImageView[] }) {
  const t = useT();
  const language = useAppStore(selectLanguage);
  const revealed = useAppStore(selectMyNumberRevealed);
  if (images.length === 0) return null;
  return (
    <div className="images">
      <h4>{t('detail.images')}</h4>
      <div className="image-grid">
        {images.map((image) => {
          const label = language === 'ja' ? image.labelJa : image.label;
          const hidden = image.myNumber === true && !revealed;
          return (
            <figure key={image.label} data-testid="card-image" data-hidden={hidden}>
              {hidden ? (
                <div className="image-cover" role="img" aria-label={t('detail.imageHidden')} data-testid="image-cover">
                  {t('detail.imageHidden')}
                </div>
              ) : (
                <img src={image.dataUrl} width={image.width} height={image.height} alt={label} />
              )}
              <figcaption className="small muted">{label}</figcaption>
            </figure>
          );
        })}
      </div>
    </div>
  );
}
