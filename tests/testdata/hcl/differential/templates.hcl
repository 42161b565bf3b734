variable "name" {
  default = "kiln"
}
variable "items" {
  default = ["a", "b", "c"]
}
variable "env" {
  default = { PORT = "80", HOST = "localhost" }
}
target "t" {
  args = {
    plain = <<EOT
  keep ${name}
    indentation
EOT
    flush = <<-EOT
      first
        second

      ${upper(name)}
      EOT
    flush_tabs = <<-EOT
		tabbed
			more
		EOT
    loop = <<EOT
%{ for i, x in items ~}
${i}: ${x}
%{ endfor ~}
EOT
    loop_keep = <<EOT
%{ for x in items }
- ${x}
%{ endfor }
EOT
    cond = <<-EOT
      %{~ if name == "kiln" ~}
      yes
      %{~ else ~}
      no
      %{~ endif ~}
      EOT
    map_loop = "%{ for k, v in env }${k}=${v};%{ endfor }"
    nested = "%{ for x in items }%{ if x != "b" }[${x}]%{ endif }%{ endfor }"
    strip_both = "a   ${~ "b" ~}   c"
    strip_left = "a   ${~ "b"}   c"
    strip_right = "a   ${"b" ~}   c"
    escapes = "tab\there \"q\" back\\slash $${x} %%{y} \u00e9 \U0001F600"
    heredoc_escapes = <<EOT
$${raw} %%{raw} \n stays
EOT
    in_call = upper(<<EOT
inside
EOT
    )
    empty_heredoc = <<EOT
EOT
    splat_attr = jsonencode([{ a = { b = 1 } }, { a = { b = 2 } }].*.a.b)
    splat_full = jsonencode([{ a = [1, 2] }, { a = [3, 4] }][*].a[0])
    splat_then_index = jsonencode([{ a = 1 }, { a = 2 }].*.a[1])
    legacy_index = jsonencode([[1, 2], [3, 4]].1[0])
    for_nested = jsonencode([for x in items : { for y in items : y => x == y }])
    multiline_expr = jsonencode([
      1 +
      2,
      (3
      * 4),
    ])
    conditional_nested = true ? false ? "a" : "b" : "c"
    comments = "${/* inline */ name}" # trailing
  }
}
