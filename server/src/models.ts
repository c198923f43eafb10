/** Importing this registers every mongoose model, so indexes can be built for all of them at start. */
import './auth/refreshToken.model'
import './seed/demoSeed'
import './units/unit.model'
import './users/identity.model'
import './users/user.model'
