// An invitation's link: the same page as a reset link (the link itself knows its kind).
export { default, generateMetadata } from '../../reset-password/[token]/page'
