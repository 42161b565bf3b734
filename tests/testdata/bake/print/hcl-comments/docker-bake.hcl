# hash comment
// slash comment
/* block
   comment */
target "default" { # trailing
  tags = ["x"] // trailing
}
