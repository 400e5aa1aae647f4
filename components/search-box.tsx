"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";

// The header search box: a plain GET form to /search (it works without JavaScript), and
// with JavaScript an ARIA 1.2 combobox that suggests completions, papers and tags while
// typing (GET /api/search/suggest). Arrow keys move through the suggestions, Enter opens
// one (or searches what was typed), Escape closes the list.

interface Suggestions {
  completions: string[];
  papers: { id: string; title: string; authors: string[]; listedOn: string }[];
  tags: { slug: string; name: string; kind: "topic" | "category" }[];
}

type Option = { key: string; label: string; detail?: string; href: string; group: "Search" | "Papers" | "Tags" };

const DEBOUNCE_MS = 120;

function optionsFrom(s: Suggestions): Option[] {
  return [
    ...s.completions.map((text) => ({ key: `c:${text}`, label: text, href: `/search?q=${encodeURIComponent(text)}`, group: "Search" as const })),
    ...s.papers.map((p) => ({ key: `p:${p.id}`, label: p.title, detail: p.authors.join(", "), href: `/papers/${p.id}`, group: "Papers" as const })),
    ...s.tags.map((t) => ({ key: `t:${t.slug}`, label: t.name, detail: t.kind === "topic" ? "Topic" : "arXiv category", href: `/tags/${t.slug}`, group: "Tags" as const })),
  ];
}

export function SearchBox() {
  const router = useRouter();
  const listId = useId();
  const [text, setText] = useState("");
  const [options, setOptions] = useState<Option[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const request = useRef<AbortController | null>(null);

  useEffect(() => {
    const query = text.trim();
    if (!query) {
      request.current?.abort();
      return;
    }
    const timer = setTimeout(() => {
      request.current?.abort();
      const controller = new AbortController();
      request.current = controller;
      fetch(`/api/search/suggest?q=${encodeURIComponent(text)}`, { signal: controller.signal })
        .then((response) => (response.ok ? (response.json() as Promise<Suggestions>) : null))
        .then((body) => {
          if (!body || controller.signal.aborted) return;
          setOptions(optionsFrom(body));
          setActive(-1);
        })
        .catch((error: unknown) => {
          // An aborted request was replaced by a newer one; other failures just leave no suggestions.
          if (!(error instanceof DOMException && error.name === "AbortError")) setOptions([]);
        });
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);

  const expanded = open && options.length > 0;
  const optionId = (index: number) => `${listId}-option-${index}`;

  function choose(option: Option) {
    setOpen(false);
    setActive(-1);
    if (option.group === "Search") setText(option.label);
    router.push(option.href);
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (options.length === 0) return;
      event.preventDefault();
      setOpen(true);
      // -1 is the text box itself; the list wraps around through it.
      setActive((current) => (event.key === "ArrowDown" ? (current + 1 >= options.length ? -1 : current + 1) : current - 1 < -1 ? options.length - 1 : current - 1));
    } else if (event.key === "Escape") {
      if (expanded) {
        event.preventDefault();
        setOpen(false);
        setActive(-1);
      }
    } else if (event.key === "Enter" && expanded && active >= 0 && options[active]) {
      event.preventDefault();
      choose(options[active]);
    }
  }

  const groups = (["Search", "Papers", "Tags"] as const)
    .map((group) => ({ group, items: options.map((option, index) => ({ option, index })).filter(({ option }) => option.group === group) }))
    .filter((g) => g.items.length > 0);
  return (
    <form action="/search" method="get" role="search" className="relative ml-auto w-full sm:w-72" onSubmit={() => setOpen(false)}>
      <input
        type="search"
        name="q"
        role="combobox"
        aria-label="Search papers"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 && active < options.length ? optionId(active) : undefined}
        placeholder="Search papers…"
        className="input"
        maxLength={500}
        autoComplete="off"
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          if (!event.target.value.trim()) setOptions([]);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <ul
        id={listId}
        role="listbox"
        aria-label="Search suggestions"
        hidden={!expanded}
        className="absolute right-0 left-0 z-20 mt-1 max-h-[70vh] overflow-y-auto rounded-lg border border-stone-300 bg-white py-1 text-sm shadow-lg dark:border-stone-700 dark:bg-stone-900"
      >
        {groups.map(({ group, items }) => (
          <li key={group} role="presentation">
            <span id={`${listId}-${group}`} className="block px-3 pt-1.5 text-[0.7rem] font-semibold tracking-wide text-stone-600 uppercase dark:text-stone-400">
              {group}
            </span>
            <ul role="group" aria-labelledby={`${listId}-${group}`}>
              {items.map(({ option, index }) => (
                <li
                  key={option.key}
                  id={optionId(index)}
                  role="option"
                  aria-selected={index === active}
                  className={`cursor-pointer px-3 py-1.5 ${index === active ? "bg-accent-50 dark:bg-accent-900/60" : "hover:bg-stone-100 dark:hover:bg-stone-800"}`}
                  // mousedown, not click: the input's blur would close the list first.
                  onMouseDown={(event) => {
                    event.preventDefault();
                    choose(option);
                  }}
                >
                  <span className="block truncate">{option.label}</span>
                  {option.detail && <span className="block truncate text-xs muted">{option.detail}</span>}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </form>
  );
}
