import { Fragment, type ReactNode } from 'react';

/**
 * A translated text with an element where its {{name}} placeholder is ("Received {{date}}" with
 * a <time>), wherever the language puts it. Leave that variable out of t()'s values: the
 * placeholder then stays in the text.
 */
export function withNode(text: string, name: string, node: ReactNode): ReactNode {
  const parts = text.split(new RegExp(`\\{\\{\\s*${name}\\s*\\}\\}`));
  return parts.map((part, i) => (
    <Fragment key={i}>
      {i > 0 && node}
      {part}
    </Fragment>
  ));
}
