target "default" {
  args = { CTX = BAKE_CMD_CONTEXT, PLATFORM = BAKE_LOCAL_PLATFORM }
  platforms = [BAKE_LOCAL_PLATFORM]
}
