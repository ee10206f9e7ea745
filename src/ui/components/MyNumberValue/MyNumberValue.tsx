import { groupMyNumber, maskMyNumber } from '../../model/myNumberMask';
import { useAppStore } from '../../store/AppStoreContext';
import { selectMyNumberRevealed } from '../../store/selectors';

/** The My Number, masked until the person presses Reveal (docs/card-reference.md §17); the switch sits with the row's note. */
export function MyNumberValue({ value }: { value: string }) {
  const revealed = useAppStore(selectMyNumberRevealed);
  return (
    <span className="mono my-number-digits" data-testid="my-number-value" data-revealed={revealed}>
      {revealed ? groupMyNumber(value) : maskMyNumber(value)}
    </span>
  );
}
