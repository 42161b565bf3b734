variable "targets" {
  default = ["web", "api", "worker"]
}
variable "platforms" {
  default = { web = ["linux/amd64", "linux/arm64"], api = ["linux/amd64"] }
}
target "t" {
  args = {
    for_map = jsonencode({ for t in targets : t => lookup(platforms, t, ["none"]) })
    for_filter = jsonencode([for t in targets : upper(t) if contains(keys(platforms), t)])
    for_group = jsonencode({ for p in flatten(values(platforms)) : p => p... })
    for_index = jsonencode([for i, t in targets : "${i}:${t}"])
    merged = jsonencode(merge(platforms, { worker = ["linux/riscv64"] }))
    product = jsonencode(setproduct(targets, ["a", "b"]))
    zipped = jsonencode(zipmap(targets, range(length(targets))))
    sliced = jsonencode(slice(targets, 1, length(targets)))
    sorted = jsonencode(sort(concat(targets, ["Zeta", "alpha"])))
    distinct = jsonencode(distinct(flatten([targets, targets])))
    chunks = jsonencode(chunklist(targets, 2))
    compacted = jsonencode(compact(["", "x", ""]))
    coalesced = coalesce("", "fallback")
    element_wrap = element(targets, 5)
    index_fn = index(targets, 2)
    keys_sorted = join(",", keys({ zz = 1, aa = 2, mm = 3 }))
    csv = jsonencode(csvdecode("name,port\nweb,80\napi,8080\n"))
    json_round = jsonencode(jsondecode("{\"b\":[1,{\"c\":null}],\"a\":\"\\u003c\"}"))
    regex_named = jsonencode(regex("(?P<repo>[^:]+):(?P<tag>.+)", "docker.io/app:1.0"))
    regexall_groups = jsonencode(regexall("(\\w+)=(\\w+)", "a=1 b=2"))
    split_join = join("|", split("/", "a/b//c"))
    replace_all = replace("a.b.c", ".", "::")
    title_case = title("the quick-brown fox")
    substr_neg = substr("kiln-bake", -4, 2)
    trimmed = trim("--x--", "-")
    url = urlencode("key=value with spaces&more")
    b64 = base64decode(base64encode("ünïcödé"))
    hashes = "${md5("kiln")} ${sha1("kiln")}"
    sha = sha256("kiln")
    uuid5 = uuidv5("oid", "1.2.3")
    dates = "${formatdate("DD MMM YYYY hh:mm ZZZ", "2023-12-25T18:30:00+05:30")} ${timeadd("2024-02-28T23:00:00Z", "2h")}"
    splat_obj = jsonencode([for t in targets : { name = t }][*].name)
    nested_cond = length(targets) > 2 ? (contains(targets, "api") ? "both" : "big") : "small"
    not_equal_types = jsonencode([1 == "1", [1] == [1], { a = 1 } != { a = 2 }, null == null])
    logic_fn = jsonencode([and(true, !false), or(false, false), not(true), equal([1], [1]), notequal(1, 2)])
    compare_fn = jsonencode([greaterthan(2, 1), lessthanorequalto(2, 2), greaterthanorequalto(1, 2), lessthan(3, 1)])
    arith_fn = jsonencode([add(1, 2), subtract(1, 2), multiply(2, 3), divide(1, 4), modulo(-5, 3), negate(-1)])
  }
}
