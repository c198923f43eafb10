import type { KnowledgeEntryInput } from '@minqing/shared'

/**
 * The demo's knowledge base: questions residents and callers often ask, with standard answers.
 * Policy sources name the kind of rule an answer rests on; a real installation replaces them with
 * its own local regulations.
 */
export const demoKnowledgeEntries: KnowledgeEntryInput[] = [
  {
    question: '农家书屋什么时候开放？',
    answer:
      '农家书屋原则上每周开放不少于5天，每天不少于4小时，具体开放时间在书屋门口公示。如长期不开门，可通过“我要反映”提交，文旅部门将督促整改。',
    categoryCode: 'culture.library',
    keywords: ['书屋', '农家书屋', '开放时间', '借书'],
    policySource: '《农家书屋管理办法》',
    published: true,
  },
  {
    question: '怎样申请送戏下乡演出？',
    answer:
      '村（社区）可向所在街道（乡镇）文化站提出申请，由区文旅局统筹安排全年送戏下乡场次。个人可向村（社区）委员会提出需求。',
    categoryCode: 'culture.opera',
    keywords: ['送戏', '演出', '唱戏', '文艺'],
    policySource: '区公共文化服务实施标准',
    published: true,
  },
  {
    question: '家里电视收不到信号怎么办？',
    answer:
      '请先检查机顶盒与天线连接；“村村通”设备故障可拨打广电服务热线报修，或在本平台提交，写明村组和户主，工作人员会上门检修。',
    categoryCode: 'culture.broadcast',
    keywords: ['电视', '信号', '机顶盒', '村村通'],
    policySource: '广播电视村村通工程运行维护规定',
    published: true,
  },
  {
    question: '网吧允许未成年人进入吗？',
    answer:
      '网吧（互联网上网服务营业场所）不得接纳未成年人进入。发现违规接纳未成年人的，可提交反映并写明网吧名称和时间，文化市场执法部门将依法查处。',
    categoryCode: 'culture.netcafe',
    keywords: ['网吧', '未成年人', '小孩上网'],
    policySource: '《互联网上网服务营业场所管理条例》第二十一条',
    published: true,
  },
  {
    question: '停水了怎么查询原因和恢复时间？',
    answer:
      '计划停水会提前24小时在小区公告栏和供水公司网站公告。突发停水可拨打供水服务热线查询抢修进度；超过24小时未恢复的，可在本平台反映。',
    categoryCode: 'utility.water',
    keywords: ['停水', '没水', '水压', '自来水'],
    policySource: '城市供水服务规范',
    published: true,
  },
  {
    question: '家里突然停电怎么办？',
    answer:
      '先确认是否为自家跳闸；整栋楼或片区停电可拨打95598报修。计划停电会提前公告。涉及老人、病人用电安全的，请在反映中说明，将优先处理。',
    categoryCode: 'utility.power',
    keywords: ['停电', '没电', '跳闸', '95598'],
    policySource: '供电服务“十项承诺”',
    published: true,
  },
  {
    question: '闻到燃气味道怎么办？',
    answer:
      '立即关闭燃气阀门，打开门窗通风，不要开关电器、不要使用明火，到室外拨打燃气抢险电话或119。燃气泄漏属紧急情况，请勿等待网上答复。',
    categoryCode: 'utility.gas',
    keywords: ['燃气', '煤气', '漏气', '天然气'],
    policySource: '《城镇燃气管理条例》',
    published: true,
  },
  {
    question: '暖气不热的标准是多少度？',
    answer:
      '供暖期内卧室、起居室温度应不低于18℃。室温不达标的，可向供热单位报修；供热单位未处理的，可在本平台反映并写明测温时间和温度。',
    categoryCode: 'utility.heating',
    keywords: ['暖气', '供暖', '不热', '室温'],
    policySource: '城市供热条例（室温标准）',
    published: true,
  },
  {
    question: '供暖费怎么缴纳？',
    answer:
      '供暖费可通过供热公司营业厅、银行代收或线上缴费渠道缴纳。低保、特困家庭可按规定申请供暖补贴，向所在社区咨询。',
    categoryCode: 'utility.heating',
    keywords: ['供暖费', '采暖费', '缴费', '补贴'],
    policySource: '供热价格与收费管理办法',
    published: true,
  },
  {
    question: '路灯坏了向谁反映？',
    answer:
      '道路照明由城市管理部门负责维护。请在本平台提交，写明路名和最近的门牌号或电线杆编号，并尽量附上照片，一般3个工作日内修复。',
    categoryCode: 'urban.road',
    keywords: ['路灯', '不亮', '照明'],
    policySource: '城市道路照明设施管理规定',
    published: true,
  },
  {
    question: '马路上有坑洼或井盖丢失怎么办？',
    answer:
      '井盖丢失、路面塌陷有安全隐患，请尽快反映并写明具体位置，可设置警示物提醒路人。城市管理部门会先行设置围挡，再安排修复。',
    categoryCode: 'urban.road',
    keywords: ['井盖', '坑洼', '路面', '塌陷'],
    policySource: '城市道路管理条例',
    published: true,
  },
  {
    question: '垃圾多久清运一次？',
    answer:
      '生活垃圾应日产日清，小区垃圾桶满溢或超过一天未清运的，可反映并写明小区和垃圾点位置，环卫部门将督促清运。',
    categoryCode: 'urban.sanitation',
    keywords: ['垃圾', '清运', '环卫', '垃圾桶'],
    policySource: '生活垃圾管理条例',
    published: true,
  },
  {
    question: '晚上施工噪音扰民可以投诉吗？',
    answer:
      '晚22时至次日6时禁止产生噪声的建筑施工作业（抢修、抢险等除外）。可反映施工地点和时间，执法部门将核查是否办理夜间施工许可。',
    categoryCode: 'urban.noise',
    keywords: ['噪音', '施工', '夜间', '扰民'],
    policySource: '《中华人民共和国噪声污染防治法》第四十三条',
    published: true,
  },
  {
    question: '广场舞声音太大怎么办？',
    answer:
      '在公共场所组织娱乐活动应控制音量，不得干扰周边居民。可先与组织者沟通；沟通无效的，反映时写明地点和时段，社区将协调固定时间和音量。',
    categoryCode: 'urban.noise',
    keywords: ['广场舞', '音响', '声音大'],
    policySource: '《中华人民共和国噪声污染防治法》第六十四条',
    published: true,
  },
  {
    question: '物业不作为可以找谁？',
    answer:
      '可先向物业服务企业书面提出；未解决的，可向社区居委会或街道物业管理部门反映，住建部门会约谈物业企业并督促整改。',
    categoryCode: 'housing.property',
    keywords: ['物业', '物业费', '不作为', '物业公司'],
    policySource: '《物业管理条例》',
    published: true,
  },
  {
    question: '楼上漏水到我家怎么办？',
    answer:
      '请先与楼上住户沟通关闭水阀并查找漏点；联系不上的，可请物业协助。造成损失的可协商赔偿，协商不成可申请人民调解。公共管道漏水由物业负责维修。',
    categoryCode: 'housing.repair',
    keywords: ['漏水', '渗水', '楼上', '水管'],
    policySource: '《中华人民共和国民法典》第二百八十八条（相邻关系）',
    published: true,
  },
  {
    question: '老旧小区改造怎么申请？',
    answer:
      '老旧小区改造以小区为单位，由街道组织居民意愿征询，纳入区年度改造计划。居民可向社区提出改造需求和意见。',
    categoryCode: 'housing',
    keywords: ['老旧小区', '改造', '加装电梯'],
    policySource: '城镇老旧小区改造实施方案',
    published: true,
  },
  {
    question: '老年人怎么申请居家养老服务？',
    answer:
      '80周岁以上老人、失能老人可向所在社区申请居家养老服务，经评估后享受助餐、助洁、助医等服务。需携带身份证和户口簿到社区办理。',
    categoryCode: 'social.elderly',
    keywords: ['养老', '居家养老', '助餐', '老人'],
    policySource: '居家养老服务补贴办法',
    published: true,
  },
  {
    question: '高龄津贴怎么领取？',
    answer:
      '年满80周岁的本地户籍老人可申请高龄津贴，由本人或家属持身份证、户口簿、银行卡到社区申报，审核通过后按月发放。',
    categoryCode: 'social.elderly',
    keywords: ['高龄津贴', '高龄补贴', '老人补贴'],
    policySource: '高龄老人津贴发放管理办法',
    published: true,
  },
  {
    question: '反映问题后多久会有答复？',
    answer:
      '诉求派到承办单位后，单位应在工作时间2小时内签收；一般诉求签收后7个工作日内答复，复杂诉求15个工作日内答复，涉及水电气暖的24小时内答复，紧急情况2小时内处置。',
    categoryCode: null,
    keywords: ['多久', '答复', '时限', '进度'],
    policySource: '本平台诉求办理时限标准',
    published: true,
  },
  {
    question: '怎样查询我反映问题的办理进度？',
    answer:
      '在小程序“我的诉求”中可查看每一步办理记录；电话反映的，可凭手机号和短信中的查询码在查询页面查看。',
    categoryCode: null,
    keywords: ['查询', '进度', '查询码', '编号'],
    policySource: '本平台使用说明',
    published: true,
  },
]
