import { type ReactNode, useMemo } from 'react';
import { type InlineNode, parseMarkdown } from '@/lib/markdown';
import './markdown-text.css';

function renderInline(nodes: InlineNode[]): ReactNode[] {
  return nodes.map((node, i) => {
    switch (node.type) {
      case 'text':
        return node.text;
      case 'code':
        return <code key={i}>{node.text}</code>;
      case 'strong':
        return <strong key={i}>{renderInline(node.children)}</strong>;
      case 'em':
        return <em key={i}>{renderInline(node.children)}</em>;
      case 'link':
        return (
          <a key={i} href={node.href} target="_blank" rel="noopener noreferrer">
            {renderInline(node.children)}
          </a>
        );
    }
  });
}

/** A message's text with the markdown subset of lib/markdown.ts, built as React elements (never HTML). */
export function MarkdownText({ text }: { text: string }) {
  const blocks = useMemo(() => parseMarkdown(text), [text]);
  return (
    <div className="markdown">
      {blocks.map((block, i) =>
        block.type === 'codeblock' ? (
          <pre key={i} className="markdown__pre">
            <code>{block.text}</code>
          </pre>
        ) : (
          <p key={i} className="markdown__p">
            {renderInline(block.children)}
          </p>
        ),
      )}
    </div>
  );
}
