import { useUiStore } from '../../stores/ui-store.ts';

export interface ChartLook {
  fontSize: number;
  lineWidth: number;
  edgeWidth: number;
  dotRadius: number;
  requestsAxis: number;
  levelAxis: number;
}

/**
 * Sizes for the SVG text and marks, which do not follow the page's font size by themselves:
 * recharts measures tick labels from the sizes it is given, so they are given here, larger in
 * presenter mode (read from the back of a room) than at a desk.
 */
export function useChartLook(compact = false): ChartLook {
  const presenter = useUiStore((state) => state.presenter);
  const fontSize = (compact ? 11 : 13) * (presenter ? 1.45 : 1);
  return {
    fontSize,
    lineWidth: (compact ? 2 : 3) * (presenter ? 1.5 : 1),
    edgeWidth: presenter ? 3 : 2,
    dotRadius: presenter ? 7 : 5,
    requestsAxis: Math.round(fontSize * 3.4),
    levelAxis: Math.round(fontSize * 3),
  };
}
