import { privacyGuide, type PrivacyPurpose } from '@minqing/shared'

export type PrivacyDecision = 'agree' | 'disagree'

export interface StoredPrivacyDecision {
  version: string
  decision: PrivacyDecision
  at: string
}

export interface PrivacyStore {
  read(): StoredPrivacyDecision | null
  write(value: StoredPrivacyDecision | null): void
}

/** What the dialog shows: why it is asking now. */
export interface PrivacyPrompt {
  purpose: PrivacyPurpose | 'wechat'
}

type WechatResolve = (option: {
  event: 'agree' | 'disagree' | 'exposureAuthorization'
  buttonId?: string
}) => void

/** The id of the agree button: WeChat checks that the button with this id was tapped. */
export const agreeButtonId = 'mq-privacy-agree'

/**
 * The privacy agreement (隐私保护指引) as one small state machine, shared by H5 and weapp: a
 * privacy API is called only after the person agreed to the current guide. In weapp WeChat also
 * asks through `onNeedPrivacyAuthorization`; both paths open the same dialog and wait for the
 * same decision, which is stored with the guide's version (a new version asks again).
 * Refusing answers `false` to the caller, which then offers what needs no personal data.
 */
export function createPrivacyGate(store: PrivacyStore, now: () => Date = () => new Date()) {
  let prompt: PrivacyPrompt | null = null
  const waiting: Array<(agreed: boolean) => void> = []
  const wechatWaiting: WechatResolve[] = []
  const listeners = new Set<(prompt: PrivacyPrompt | null) => void>()

  const emit = () => {
    for (const listener of listeners) listener(prompt)
  }
  const open = (next: PrivacyPrompt) => {
    prompt ??= next
    emit()
  }

  return {
    /** True when the person has agreed to the guide as it reads now. */
    agreed(): boolean {
      const stored = store.read()
      return stored?.decision === 'agree' && stored.version === privacyGuide.version
    },
    decision(): StoredPrivacyDecision | null {
      return store.read()
    },
    /** Before a privacy API: resolves true at once if agreed, otherwise after the dialog. */
    request(purpose: PrivacyPurpose): Promise<boolean> {
      if (this.agreed()) return Promise.resolve(true)
      return new Promise((resolve) => {
        waiting.push(resolve)
        open({ purpose })
      })
    },
    /** weapp: WeChat's own `onNeedPrivacyAuthorization` event, answered by the same dialog. */
    onWechatNeedsAuthorization(resolve: WechatResolve): void {
      resolve({ event: 'exposureAuthorization' })
      wechatWaiting.push(resolve)
      open({ purpose: 'wechat' })
    },
    /** The dialog's answer: stored, then every waiting caller (and WeChat) is told. */
    decide(decision: PrivacyDecision): void {
      store.write({ version: privacyGuide.version, decision, at: now().toISOString() })
      prompt = null
      emit()
      for (const resolve of waiting.splice(0)) resolve(decision === 'agree')
      for (const resolve of wechatWaiting.splice(0))
        resolve(decision === 'agree' ? { event: 'agree', buttonId: agreeButtonId } : { event: 'disagree' })
    },
    /** 撤回同意 from the guide page: the next privacy API asks again. */
    withdraw(): void {
      store.write({ version: privacyGuide.version, decision: 'disagree', at: now().toISOString() })
    },
    current(): PrivacyPrompt | null {
      return prompt
    },
    subscribe(listener: (prompt: PrivacyPrompt | null) => void): () => void {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}

export type PrivacyGate = ReturnType<typeof createPrivacyGate>
