import { useLayoutEffect, useReducer, useRef } from 'react';

/**
 * Whether rows skim (see RowProps.skim): the grid is scrolling and its last move was more than a
 * screenful. The move is kept per scroll offset, so a second render at the same offset (the
 * virtualizer renders again when it learns it is scrolling) skims as the first did. A frame that
 * brings no new offset ends the skim at once, not when the virtualizer's scrolling flag times out:
 * after one jump (Ctrl+End, a click on the scrollbar track) the rows are whole on the next frame.
 */
export function useSkim(offset: number, scrolling: boolean, viewport: number): boolean {
  const travel = useRef({ offset: 0, moved: 0 });
  const [, settle] = useReducer((n: number) => n + 1, 0);
  /* eslint-disable react-hooks/refs -- the last offset is a measurement kept between renders, not render state: a state would render the grid twice per scroll frame */
  if (offset !== travel.current.offset) travel.current = { offset, moved: Math.abs(offset - travel.current.offset) };
  const skim = scrolling && viewport > 0 && travel.current.moved > viewport;
  /* eslint-enable react-hooks/refs */
  useLayoutEffect(() => {
    if (!skim) return;
    // The next frame's scroll events come before its animation frame callbacks: by the second
    // callback, a grid still moving has rendered again (and this check was cancelled).
    let frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => {
        if (travel.current.offset !== offset) return;
        travel.current = { offset, moved: 0 };
        settle();
      });
    });
    return () => cancelAnimationFrame(frame);
  });
  return skim;
}
