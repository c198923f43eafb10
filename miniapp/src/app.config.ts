export default defineAppConfig({
  pages: [
    'pages/home/index',
    'pages/login/index',
    'pages/profile/index',
    'pages/privacy/index',
    'pages/password/index',
  ],
  // WeChat's rules for privacy APIs: location must be declared (else wx.getLocation fails in a
  // released mini-program), each permission explains why, and privacy APIs wait for the user's
  // agreement to the privacy guide (onNeedPrivacyAuthorization, see src/privacy/).
  requiredPrivateInfos: ['getLocation'],
  permission: {
    'scope.userLocation': { desc: '用于确定您反映的问题或走访发生的地点，以便派给负责的单位' },
  },
  __usePrivacyCheck__: true,
  // Case pages are not needed for the first screen: a subpackage keeps the main package small.
  subPackages: [
    {
      root: 'pages/cases',
      pages: [
        'submit/index',
        'list/index',
        'detail/index',
        'notifications/index',
        'routing/index',
        // 回头看 answers (issue 13)
        'followUps/index',
      ],
    },
    {
      root: 'pages/visits',
      pages: [
        'new/index',
        'list/index',
        'detail/index',
        'progress/index',
        'pairs/index',
        'duty/index',
        'activity/index',
        'contacts/index',
      ],
    },
    { root: 'pages/review', pages: ['stats/index', 'board/index', 'echo/index', 'topics/index'] },
    // The admin console (desktop-friendly, role-gated): loaded only by admins and leaders.
    {
      root: 'pages/admin',
      pages: [
        'dashboard/index',
        'cases/index',
        'brief/index',
        'units/index',
        'categories/index',
        'calendar/index',
        'campaigns/index',
        'moderation/index',
        'topics/index',
        'intake/index',
        'campaignReport/index',
        'configAudit/index',
        // Answers (issue 14)
        'replyTemplates/index',
        'knowledge/index',
        // Bulk import of units and staff (issue 16, orgimport)
        'orgImport/index',
        // Visit ledger export (issue 13)
        'visitLedger/index',
      ],
    },
    // A caller without an account: look a case up by phone + query code, rate through an SMS link.
    { root: 'pages/lookup', pages: ['index', 'rate/index', 'duty/index'] },
    // 民情档案 and 整改台账 (issue #16)
    {
      root: 'pages/registry',
      pages: [
        'households/index',
        'household/index',
        'rectification/index',
        'problem/index',
        'report/index',
        'repeatConcerns/index',
      ],
    },
  ],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#c8161d',
    navigationBarTitleText: '民情通',
    navigationBarTextStyle: 'white',
  },
})
