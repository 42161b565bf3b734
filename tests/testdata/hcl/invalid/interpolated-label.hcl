target "${x}" {
}
