import { maskPhone, positionLevelLabels, roleLabels } from '@minqing/shared'
import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { logout } from '../../api/auth'
import { Page } from '../../components/Page'
import { useElderMode } from '../../elder/elderMode'
import { useCurrentUser } from '../../session/useSession'
import { Button, Cell, Switch } from '../../ui/nutui'
import './index.css'

export default function ProfilePage() {
  const user = useCurrentUser()
  const [elder, setElder] = useElderMode()

  return (
    <Page>
      <Cell.Group title="个人信息">
        <Cell title="姓名" extra={user?.name ?? ''} />
        <Cell title="身份" extra={user ? roleLabels[user.role] : ''} />
        {user?.positionLevel && <Cell title="职级" extra={positionLevelLabels[user.positionLevel]} />}
        {user?.phone && <Cell title="手机号" extra={maskPhone(user.phone)} />}
      </Cell.Group>
      {user?.phone && !user.isGuest && (
        <Cell.Group title="账号安全">
          <Cell
            className="profile-password"
            title="修改密码"
            extra="›"
            onClick={() => void Taro.navigateTo({ url: '/pages/password/index' })}
          />
        </Cell.Group>
      )}
      <Cell.Group title="显示">
        <Cell
          className="profile-elder"
          title="长辈模式（大字、高对比）"
          extra={<Switch label="长辈模式" checked={elder} onChange={(value: boolean) => setElder(value)} />}
        />
      </Cell.Group>
      <Cell.Group title="隐私">
        <Cell
          title="隐私保护指引"
          description="我们收集哪些信息、谁能看到、保存多久"
          clickable
          onClick={() => void Taro.navigateTo({ url: '/pages/privacy/index' })}
        />
      </Cell.Group>
      <View className="profile-actions">
        <Button
          size="large"
          block
          onClick={() => {
            void logout().then(() => Taro.reLaunch({ url: '/pages/login/index' }))
          }}
        >
          退出登录
        </Button>
      </View>
    </Page>
  )
}
