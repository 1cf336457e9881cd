/** Tabs with the ARIA tabs pattern: arrow keys move between tabs (mirrored in right-to-left). */
import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useLocale, isRtl } from '../i18n/i18n.js';

export interface TabDef<K extends string> {
  key: K;
  label: string;
}

export function Tabs<K extends string>({
  label,
  tabs,
  current,
  onChange,
  children,
  idPrefix,
}: {
  label: string;
  tabs: TabDef<K>[];
  current: K;
  onChange: (k: K) => void;
  children: ReactNode;
  idPrefix: string;
}) {
  const refs = useRef<Array<HTMLButtonElement | null>>([]);
  const rtl = isRtl(useLocale());
  const onKey = (e: KeyboardEvent, i: number) => {
    const forward = rtl ? 'ArrowLeft' : 'ArrowRight';
    const backward = rtl ? 'ArrowRight' : 'ArrowLeft';
    let next = -1;
    if (e.key === forward) next = (i + 1) % tabs.length;
    else if (e.key === backward) next = (i - 1 + tabs.length) % tabs.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = tabs.length - 1;
    if (next >= 0) {
      e.preventDefault();
      onChange(tabs[next]!.key);
      refs.current[next]?.focus();
    }
  };
  return (
    <div className="tabs">
      <div role="tablist" aria-label={label} className="tablist">
        {tabs.map((tab, i) => (
          <button
            key={tab.key}
            ref={(el) => {
              refs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`${idPrefix}-tab-${tab.key}`}
            aria-selected={tab.key === current}
            aria-controls={`${idPrefix}-panel`}
            tabIndex={tab.key === current ? 0 : -1}
            onClick={() => onChange(tab.key)}
            onKeyDown={(e) => onKey(e, i)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${idPrefix}-panel`} aria-labelledby={`${idPrefix}-tab-${current}`} className="tabpanel">
        {children}
      </div>
    </div>
  );
}
