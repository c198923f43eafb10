import type { Canvas, CanvasProps } from '@antv/f2'
import { Canvas as TaroCanvas, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useRef } from 'react'
import { loadF2 } from './f2'
import './index.css'

export interface BarDatum {
  /** The category on the x axis (a unit's name). */
  label: string
  /** The series (响应率, 办结率, …). */
  series: string
  value: number
}

const height = 240

// F2's element types are generic classes its own `jsx` signature does not accept without JSX
// syntax; the runtime call is the documented one (jsx(type, props) → { props }).
type Element = (type: unknown, props: object) => { props: CanvasProps }

/**
 * The 2d context of a Taro <Canvas type="2d">: in H5 Taro renders a real <canvas> inside its
 * element; in a mini-program the node comes from a selector query. F2 draws on either.
 */
async function canvasContext(
  id: string,
): Promise<{ context: CanvasRenderingContext2D; width: number } | null> {
  if (process.env.TARO_ENV === 'h5') {
    for (let attempt = 0; attempt < 20; attempt++) {
      const element = document.querySelector<HTMLCanvasElement>(`canvas[canvas-id="${id}"]`)
      if (element && element.clientWidth > 0)
        return { context: element.getContext('2d')!, width: element.clientWidth }
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    return null
  }
  return new Promise((resolve) => {
    Taro.createSelectorQuery()
      .select(`#${id}`)
      .fields({ node: true, size: true })
      .exec(
        (
          result: Array<{ node: { getContext(type: '2d'): CanvasRenderingContext2D }; width: number } | null>,
        ) => {
          const found = result[0]
          resolve(found ? { context: found.node.getContext('2d'), width: found.width } : null)
        },
      )
  })
}

/**
 * Resolves once the chart is on screen or nearly (H5): F2 is half a megabyte of script to fetch
 * and compile, which a phone showing only the figures above the chart should not pay for yet.
 */
function whenOnScreen(id: string): Promise<void> {
  if (process.env.TARO_ENV !== 'h5' || typeof IntersectionObserver === 'undefined') return Promise.resolve()
  return new Promise((resolve) => {
    const observe = (attempt: number) => {
      const element = document.getElementById(id)
      if (!element) {
        if (attempt < 40) setTimeout(() => observe(attempt + 1), 50)
        else resolve()
        return
      }
      const observer = new IntersectionObserver(
        (entries) => {
          if (!entries.some((entry) => entry.isIntersecting)) return
          observer.disconnect()
          resolve()
        },
        { rootMargin: '200px' },
      )
      observer.observe(element)
    }
    observe(0)
  })
}

const pixelRatio = () =>
  process.env.TARO_ENV === 'h5' ? window.devicePixelRatio || 1 : Taro.getWindowInfo().pixelRatio

/**
 * Grouped bars drawn with AntV F2 (a maintained mobile chart library that renders on a canvas 2d
 * context in H5 and mini-programs alike). Values are 0–100. The figures are also given as text
 * (`summary`) for screen readers and for anyone who prefers numbers.
 */
export function BarChart({ id, data, summary }: { id: string; data: BarDatum[]; summary: string }) {
  const chart = useRef<Canvas | null>(null)

  useEffect(() => {
    let cancelled = false
    void (async () => {
      await whenOnScreen(id)
      if (cancelled) return
      const [found, { Axis, Canvas, Chart, Interval, Legend, jsx }] = await Promise.all([
        canvasContext(id),
        loadF2(),
      ])
      if (!found || cancelled) return
      const element = jsx as unknown as Element
      const children = element(Chart, {
        data,
        scale: { value: { min: 0, max: 100, tickCount: 5 } },
        children: [
          element(Axis, { field: 'label' }),
          element(Axis, { field: 'value' }),
          element(Interval, {
            x: 'label',
            y: 'value',
            color: { field: 'series', range: ['#c8161d', '#fa8c16', '#1677ff'] },
            adjust: 'dodge',
          }),
          element(Legend, { position: 'top' }),
        ],
      })
      const { props } = element(Canvas, {
        context: found.context,
        pixelRatio: pixelRatio(),
        width: found.width,
        height,
        animate: false,
        // F2 halves its theme's px sizes (designed for 750-wide layouts): 10 px labels are too small here.
        px2hd: (value: number) => value * 0.65,
        children,
      })
      if (chart.current) await chart.current.update(props)
      else {
        chart.current = new Canvas(props)
        await chart.current.render()
      }
    })()
    return () => {
      cancelled = true
    }
  }, [id, data])

  useEffect(() => () => chart.current?.destroy(), [])

  return (
    <View className="mq-bar-chart" aria-label={summary}>
      <TaroCanvas
        type="2d"
        id={id}
        canvasId={id}
        className="mq-bar-chart-canvas"
        style={{ height: `${height}px` }}
      />
      <Text className="mq-bar-chart-summary">{summary}</Text>
    </View>
  )
}
